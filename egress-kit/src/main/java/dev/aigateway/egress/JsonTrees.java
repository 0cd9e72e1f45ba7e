package dev.aigateway.egress;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.json.JsonValue;
import dev.aigateway.domain.route.UpstreamAuth;
import dev.aigateway.domain.route.UpstreamTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** Jackson trees for upstream bodies: the shared mapper, the domain's opaque JSON as trees, optional members read. */
public final class JsonTrees {
    /** Numbers kept exactly as written: a provider gets the client's {@code 0.10}, not {@code 0.1}. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonTrees() { }

    /** A mapper whose buffers all threads share. */
    public static ObjectMapper newMapper() {
        // Buffers shared by all threads: Jackson's default keeps them per thread, and every request runs on a new
        // virtual thread, so they would be allocated afresh each time and held as long as a stream lasts.
        return new ObjectMapper(JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
                .build()).setNodeFactory(NODES);
    }

    /** The domain's opaque JSON value as a Jackson tree. */
    public static JsonNode toNode(JsonValue value) {
        return switch (value) {
            case JsonValue.JsonNull ignored -> NODES.nullNode();
            case JsonValue.JsonBool b -> NODES.booleanNode(b.value());
            case JsonValue.JsonNumber n -> NODES.numberNode(n.value());
            case JsonValue.JsonString s -> NODES.textNode(s.value());
            case JsonValue.JsonArray a -> {
                ArrayNode array = NODES.arrayNode();
                a.items().forEach(item -> array.add(toNode(item)));
                yield array;
            }
            case JsonValue.JsonObject o -> {
                ObjectNode object = NODES.objectNode();
                o.members().forEach((name, member) -> object.set(name, toNode(member)));
                yield object;
            }
        };
    }

    /**
     * A request body as sent to {@code target}: with the credential in it when the route puts it there (Kong's
     * {@code param_location: body}).
     */
    public static byte[] requestBody(ObjectMapper json, UpstreamTarget target, ObjectNode body) {
        target.auth().ifPresent(auth -> {
            if (auth instanceof UpstreamAuth.BodyParam field) {
                body.put(field.name(), field.value().reveal());
            }
        });
        try {
            return json.writeValueAsBytes(body);
        } catch (JacksonException e) {
            throw new UncheckedIOException("a JSON tree always serializes", e);
        }
    }

    /**
     * An answer's body as a JSON object.
     *
     * @param upstreamName how the error names the upstream when the body is not a JSON object
     */
    public static JsonNode parseObject(ObjectMapper json, byte[] body, String upstreamName) {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw protocolError(upstreamName, "a body that is not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw protocolError(upstreamName, "a body that is not valid JSON");
        }
    }

    /** An answer the gateway cannot read, said as {@code <upstream> answered with <what> in its response}. */
    public static GatewayException protocolError(String upstreamName, String what) {
        return new GatewayException(new GatewayError.UpstreamProtocolError(
                upstreamName + " answered with " + what + " in its response"));
    }

    /** Puts a list of strings as an array, leaving the member out when the list is empty (e.g. {@code stop}). */
    public static void putStrings(ObjectNode body, String member, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = body.putArray(member);
            values.forEach(array::add);
        }
    }

    /** The member's text, when it is a string. */
    public static Optional<String> text(JsonNode node, String member) {
        JsonNode value = node.path(member);
        return value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }
}
