package dev.aigateway.domain.completion;

import dev.aigateway.domain.TextInput;
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
 * @param prompts the texts before the part to generate (or token arrays), one completion each; at least one
 * @param suffix the text after it, when the client fills in a middle
 * @param extensions request fields the ingress does not model, by name, for the provider to judge
 */
public record CompletionRequest(Optional<String> model, List<TextInput> prompts, Optional<String> suffix,
                                boolean stream, Optional<Integer> maxTokens, Optional<Double> temperature, Optional<Double> topP, Optional<Integer> topK,
                                List<String> stop, Optional<Long> seed, Map<String, JsonValue> extensions)
        implements Tunable<CompletionRequest> {

    public CompletionRequest {
        Objects.requireNonNull(model, "model");
        prompts = List.copyOf(prompts);
        if (prompts.isEmpty()) {
            throw GatewayException.invalid("'prompt' must hold at least one prompt", "prompt");
        }
        Objects.requireNonNull(suffix, "suffix");
        Objects.requireNonNull(maxTokens, "maxTokens");
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
        return new CompletionRequest(model, prompts, suffix, stream, newMaxTokens, newTemperature, newTopP, newTopK,
                stop, seed, extensions);
    }

    /** The same request for the given model, streamed or not. */
    public CompletionRequest withModelAndStream(String newModel, boolean newStream) {
        return new CompletionRequest(Optional.of(newModel), prompts, suffix, newStream, maxTokens, temperature, topP,
                topK, stop, seed, extensions);
    }
}
