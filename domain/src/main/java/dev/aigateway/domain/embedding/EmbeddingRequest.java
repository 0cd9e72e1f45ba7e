package dev.aigateway.domain.embedding;

import dev.aigateway.domain.TextInput;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to embed one or more texts.
 *
 * @param inputs the texts (or token arrays), in order; at least one
 * @param dimensions the size of the vectors, when the client chose one
 * @param extensions request fields the ingress does not model, by name, for the provider to judge
 */
public record EmbeddingRequest(Optional<String> model, List<TextInput> inputs, Optional<Integer> dimensions,
                               Map<String, JsonValue> extensions) {
    public EmbeddingRequest {
        Objects.requireNonNull(model, "model");
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw GatewayException.invalid("'input' must hold at least one text", "input");
        }
        Objects.requireNonNull(dimensions, "dimensions");
        extensions = Map.copyOf(extensions);
    }

    /** The same request for another model. */
    public EmbeddingRequest withModel(String newModel) {
        return new EmbeddingRequest(Optional.of(newModel), inputs, dimensions, extensions);
    }
}
