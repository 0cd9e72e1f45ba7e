package dev.aigateway.domain;

import java.util.Optional;

/**
 * A request whose sampling values a route's {@link TuningOptions} can set.
 *
 * @param <T> the request type itself
 */
public interface Tunable<T extends Tunable<T>> {

    Optional<Integer> maxTokens();

    Optional<Double> temperature();

    Optional<Double> topP();

    Optional<Integer> topK();

    /** The same request with these sampling values. */
    T withTuning(Optional<Integer> maxTokens, Optional<Double> temperature, Optional<Double> topP,
                 Optional<Integer> topK);
}
