package dev.aigateway.domain.error;

import java.util.Objects;

/**
 * How a request stands in one of its token windows, as the client is told (in limit headers, and with a refusal).
 *
 * @param windowSeconds the window's length
 * @param policyIndex the position of the window's policy in the route's {@code policies}
 * @param limit the window's limit, as written in the config (tokens, or a cost)
 * @param remaining what is left after this request's reservation, in the same unit, never negative
 * @param resetSeconds seconds until the window's current period ends
 */
public record LimitState(long windowSeconds, int policyIndex, String limit, String remaining, long resetSeconds) {
    public LimitState {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(remaining, "remaining");
    }
}
