package dev.aigateway.adapters.http;

import static dev.aigateway.adapters.http.OpenAiJson.NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.aigateway.adapters.http.HttpModule.RequestLimits;
import dev.aigateway.domain.embedding.Embedding;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.embedding.EmbeddingVector;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.json.JsonValue;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** OpenAI's embeddings request and response shapes to and from the domain. */
final class OpenAiEmbeddingMapper {
    private static final Set<String> MODELLED = Set.of("model", "input", "dimensions", "encoding_format");

    private OpenAiEmbeddingMapper() { }

    static IncomingEmbeddings fromWire(ObjectNode body, RequestLimits limits) {
        String encoding = WireFields.string(body, "encoding_format", "encoding_format").orElse("float");
        if (!encoding.equals("float") && !encoding.equals("base64")) {
            throw GatewayException.invalid("'encoding_format' must be float or base64", "encoding_format");
        }
        Map<String, JsonValue> extensions = new LinkedHashMap<>();
        body.properties().forEach(member -> {
            if (!MODELLED.contains(member.getKey())) {
                extensions.put(member.getKey(), OpenAiJson.toValue(member.getValue()));
            }
        });
        EmbeddingRequest request = new EmbeddingRequest(WireFields.string(body, "model", "model"),
                OpenAiTextInputs.read(body, "input", limits.maxEmbeddingInputs()),
                WireFields.integer(body, "dimensions", "dimensions"), extensions);
        return new IncomingEmbeddings(request, encoding.equals("base64"));
    }

    static ObjectNode toWire(EmbeddingResponse response, boolean base64) {
        ObjectNode wire = NODES.objectNode();
        // OpenAI's answer has no id, but some clients' SDKs require one: written whenever the provider gave one.
        response.id().ifPresent(id -> wire.put("id", id));
        wire.put("object", "list");
        ArrayNode data = wire.putArray("data");
        for (Embedding embedding : response.data()) {
            ObjectNode item = data.addObject().put("object", "embedding").put("index", embedding.index());
            if (base64) {
                item.put("embedding", base64(embedding.vector()));
            } else if (embedding.vector().jsonArray().isPresent()) {
                // The provider's own text of the numbers: nothing read into doubles and printed back.
                item.putRawValue("embedding", new RawValue(embedding.vector().jsonArray().get()));
            } else {
                ArrayNode values = item.putArray("embedding");
                for (int i = 0; i < embedding.vector().dimensions(); i++) {
                    values.add(embedding.vector().get(i));
                }
            }
        }
        wire.put("model", response.model());
        response.usage().ifPresent(usage -> OpenAiUsage.write(wire, usage));
        return wire;
    }

    /** OpenAI's base64 form: the vector as float32 values, little-endian, base64-encoded. */
    static String base64(EmbeddingVector vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.dimensions() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < vector.dimensions(); i++) {
            bytes.putFloat((float) vector.get(i));
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
