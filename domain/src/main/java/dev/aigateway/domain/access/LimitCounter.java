package dev.aigateway.domain.access;

import java.util.Objects;

/**
 * One window a request counts in: which counter, under which policy, with which limit.
 *
 * @param id the counter's name, the same on every instance for the same scope, policy, partition and window
 * @param policyIndex the policy's position in {@code policies}, as named in the limit headers
 */
public record LimitCounter(String id, int policyIndex, LimitWindow window, WindowType type) {
    public LimitCounter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(type, "type");
    }
}
