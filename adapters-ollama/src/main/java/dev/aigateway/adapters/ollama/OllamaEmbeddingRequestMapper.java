package dev.aigateway.adapters.ollama;

import static dev.aigateway.egress.JsonTrees.NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.egress.CompletionWire;
import dev.aigateway.egress.JsonTrees;
import java.util.Set;

/** Domain embedding request to Ollama's {@code /api/embed}. */
final class OllamaEmbeddingRequestMapper {
    private static final CompletionWire WIRE = new CompletionWire(OllamaProvider.NAME);
    /** Ollama's own fields, passed as the client wrote them; OpenAI's {@code user} is dropped. */
    private static final Set<String> OLLAMA_FIELDS = Set.of("truncate", "keep_alive");

    private OllamaEmbeddingRequestMapper() { }

    static ObjectNode toOllama(EmbeddingRequest request) {
        ObjectNode body = NODES.objectNode();
        body.put("model", request.model().orElseThrow(
                () -> new IllegalStateException("the route resolves the model before the provider is called")));
        ArrayNode input = body.putArray("input");
        WIRE.textsOnly(request.inputs(), "input").forEach(input::add);
        request.dimensions().ifPresent(d -> body.put("dimensions", d));
        request.extensions().forEach((name, value) -> {
            if (OLLAMA_FIELDS.contains(name)) {
                body.set(name, JsonTrees.toNode(value));
            }
        });
        return body;
    }
}
