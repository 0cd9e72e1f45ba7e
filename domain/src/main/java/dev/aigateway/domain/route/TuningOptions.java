package dev.aigateway.domain.route;

import dev.aigateway.domain.Tunable;
import java.util.Objects;
import java.util.Optional;

/**
 * Sampling values configured on a route (Kong's {@code model.options}).
 *
 * @param maxTokens the most tokens to generate
 * @param temperature the sampling temperature
 * @param topP nucleus sampling mass
 * @param topK how many top tokens to sample from
 */
public record TuningOptions(Optional<Integer> maxTokens, Optional<Double> temperature, Optional<Double> topP,
                            Optional<Integer> topK) {
    public TuningOptions {
        Objects.requireNonNull(maxTokens, "maxTokens");
        Objects.requireNonNull(temperature, "temperature");
        Objects.requireNonNull(topP, "topP");
        Objects.requireNonNull(topK, "topK");
    }

    /** No tuning configured. */
    public static TuningOptions none() {
        return new TuningOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The request with these values applied; {@code precedence} says who wins when both sides set one. */
    public <T extends Tunable<T>> T applyTo(T request, TuningPrecedence precedence) {
        return request.withTuning(merge(maxTokens, request.maxTokens(), precedence),
                merge(temperature, request.temperature(), precedence), merge(topP, request.topP(), precedence),
                merge(topK, request.topK(), precedence));
    }

    private static <V> Optional<V> merge(Optional<V> configured, Optional<V> requested, TuningPrecedence precedence) {
        if (configured.isEmpty() || precedence == TuningPrecedence.REQUEST && requested.isPresent()) {
            return requested;
        }
        return configured;
    }
}
