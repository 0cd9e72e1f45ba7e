package dev.aigateway.domain.completion;

import dev.aigateway.domain.Tunable;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to complete a text, optionally filling in the middle between {@code prompt} and {@code suffix}.
 *
 * @param prompt the text before the part to generate
 * @param suffix the text after it, when the client fills in a middle
 * @param minTokens the fewest tokens to generate
 * @param extensions request fields the ingress does not model, by name, for the provider to judge
 */
public record CompletionRequest(Optional<String> model, String prompt, Optional<String> suffix, boolean stream,
                                Optional<Integer> maxTokens, Optional<Integer> minTokens,
                                Optional<Double> temperature, Optional<Double> topP, Optional<Integer> topK,
                                List<String> stop, Optional<Long> seed, Map<String, JsonValue> extensions)
        implements Tunable<CompletionRequest> {

    public CompletionRequest {
        Objects.requireNonNull(model, "model");
        if (prompt == null) {
            throw GatewayException.invalid("'prompt' is required", "prompt");
        }
        Objects.requireNonNull(suffix, "suffix");
        Objects.requireNonNull(maxTokens, "maxTokens");
        Objects.requireNonNull(minTokens, "minTokens");
        Objects.requireNonNull(temperature, "temperature");
        Objects.requireNonNull(topP, "topP");
        Objects.requireNonNull(topK, "topK");
        stop = List.copyOf(stop);
        Objects.requireNonNull(seed, "seed");
        extensions = Map.copyOf(extensions);
    }

    @Override
    public CompletionRequest withTuning(Optional<Integer> newMaxTokens, Optional<Double> newTemperature,
                                        Optional<Double> newTopP, Optional<Integer> newTopK) {
        return new CompletionRequest(model, prompt, suffix, stream, newMaxTokens, minTokens, newTemperature, newTopP,
                newTopK, stop, seed, extensions);
    }

    /** The same request for the given model, streamed or not. */
    public CompletionRequest withModelAndStream(String newModel, boolean newStream) {
        return new CompletionRequest(Optional.of(newModel), prompt, suffix, newStream, maxTokens, minTokens,
                temperature, topP, topK, stop, seed, extensions);
    }
}
