package dev.aigateway.adapters.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.adapters.http.HttpModule.RequestLimits;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Strict reading of client JSON bodies and writing of answers, with the domain's opaque JSON converted from trees. */
final class OpenAiJson {
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** Longest number accepted, in characters: any real request value fits, and no number is worth more. */
    private static final int MAX_NUMBER_LENGTH = 100;

    private final RequestLimits limits;
    private final ObjectMapper mapper;

    OpenAiJson(RequestLimits limits) {
        this.limits = limits;
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxJsonDepth())
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build())
                // Jackson's default keeps its buffers per thread; every request runs on a new virtual thread, so
                // they would be allocated afresh each time and held as long as the request (a stream) lasts.
                .recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
                .build();
        this.mapper = JsonMapper.builder(factory)
            .nodeFactory(NODES)
            // A duplicate key or trailing bytes mean the client and the gateway may read different requests.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Numbers the gateway passes through keep their exact digits.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    }

    RequestLimits limits() {
        return limits;
    }

    /** The body as a JSON object, or a 400 that says what is wrong with it. */
    ObjectNode readObject(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            // Any IOException, not just Jackson's: bad UTF-8 surfaces as CharConversionException.
            throw GatewayException.invalid("request body is not valid JSON", null);
        }
        if (root == null || root.isMissingNode()) {
            throw GatewayException.invalid("request body is empty", null);
        }
        if (!root.isObject()) {
            throw GatewayException.invalid("request body must be a JSON object", null);
        }
        return (ObjectNode) root;
    }

    /** Something written straight into a generator, without a tree first: the per-event work of a stream. */
    @FunctionalInterface
    interface Writing {
        void writeTo(JsonGenerator out) throws IOException;
    }

    byte[] write(Writing writing) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(256);
        try (JsonGenerator out = mapper.getFactory().createGenerator(bytes)) {
            writing.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing into memory does not fail", e);
        }
        return bytes.toByteArray();
    }

    byte[] write(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON tree always serializes", e);
        }
    }

    static JsonValue toValue(JsonNode node) {
        return switch (node.getNodeType()) {
            case BOOLEAN -> new JsonValue.JsonBool(node.booleanValue());
            case NUMBER -> new JsonValue.JsonNumber(node.decimalValue());
            case STRING -> new JsonValue.JsonString(node.textValue());
            case ARRAY -> {
                List<JsonValue> items = new ArrayList<>();
                node.forEach(item -> items.add(toValue(item)));
                yield new JsonValue.JsonArray(items);
            }
            case OBJECT -> {
                Map<String, JsonValue> members = new LinkedHashMap<>();
                node.properties().forEach(e -> members.put(e.getKey(), toValue(e.getValue())));
                yield new JsonValue.JsonObject(members);
            }
            default -> JsonValue.JsonNull.INSTANCE;
        };
    }
}
