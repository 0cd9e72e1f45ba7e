package dev.aigateway.adapters.mistral;

import static dev.aigateway.egress.JsonTrees.NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.egress.CompletionWire;
import dev.aigateway.egress.JsonTrees;
import java.util.Set;

/** Domain embedding request to Mistral's {@code EmbeddingRequest}. */
final class MistralEmbeddingRequestMapper {
    private static final CompletionWire WIRE = new CompletionWire(MistralProvider.NAME);
    /** OpenAI embedding fields Mistral refuses; the answer does not depend on them. */
    private static final Set<String> OPENAI_ONLY = Set.of("user");

    private MistralEmbeddingRequestMapper() { }

    static ObjectNode toMistral(EmbeddingRequest request) {
        ObjectNode body = NODES.objectNode();
        body.put("model", request.model().orElseThrow(
                () -> new IllegalStateException("the route resolves the model before the provider is called")));
        ArrayNode input = body.putArray("input");
        WIRE.textsOnly(request.inputs(), "input").forEach(input::add);
        request.dimensions().ifPresent(d -> body.put("output_dimension", d));
        request.extensions().forEach((name, value) -> {
            if (!OPENAI_ONLY.contains(name)) {
                body.set(name, JsonTrees.toNode(value));
            }
        });
        return body;
    }
}
