package dev.aigateway.ports;

import dev.aigateway.domain.Tunable;
import java.util.Map;
import java.util.Optional;

/** One upstream attempt's span (kind client), whose context goes upstream with the request. */
public interface AttemptSpan {

    /** The span of an attempt nobody traces. */
    AttemptSpan NONE = new AttemptSpan() {
        @Override
        public Map<String, String> propagation() {
            return Map.of();
        }

        @Override
        public void sending(String model, Optional<? extends Tunable<?>> sampling) { }

        @Override
        public void end(AttemptEnd end) { }
    };

    /** The headers that carry this span's context upstream (W3C {@code traceparent}, {@code tracestate}). */
    Map<String, String> propagation();

    /** The request goes upstream to this model, with these sampling values when it has them. */
    void sending(String model, Optional<? extends Tunable<?>> sampling);

    /** The attempt ended, answered or not. */
    void end(AttemptEnd end);
}
