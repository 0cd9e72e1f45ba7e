package dev.aigateway.adapters.ollama;

import static dev.aigateway.egress.JsonTrees.NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.egress.JsonTrees;
import java.util.Set;

/** Domain embedding request to Ollama's {@code /api/embed}. */
final class OllamaEmbeddingRequestMapper {
    /** Ollama's own fields, passed as the client wrote them; OpenAI's {@code user} is dropped. */
    private static final Set<String> OLLAMA_FIELDS = Set.of("truncate", "keep_alive");

    private OllamaEmbeddingRequestMapper() { }

    static ObjectNode toOllama(EmbeddingRequest request) {
        ObjectNode body = NODES.objectNode();
        body.put("model", request.model().orElseThrow(
                () -> new IllegalStateException("the route resolves the model before the provider is called")));
        ArrayNode input = body.putArray("input");
        for (int i = 0; i < request.inputs().size(); i++) {
            int index = i;
            input.add(request.inputs().get(i).asText().orElseThrow(() -> GatewayException.invalid("'input[" + index
                    + "]' must be a string: Ollama embeds texts, not token arrays", "input")));
        }
        request.dimensions().ifPresent(d -> body.put("dimensions", d));
        request.extensions().forEach((name, value) -> {
            if (OLLAMA_FIELDS.contains(name)) {
                body.set(name, JsonTrees.toNode(value));
            }
        });
        return body;
    }
}
