package dev.aigateway.domain.route;

import java.util.Objects;
import java.util.Optional;

/**
 * One upstream a route can send to, with its own model policy, credential and analytics (Kong's
 * {@code ai-proxy-advanced} {@code targets[]}; an {@code ai-proxy} route has exactly one).
 *
 * @param weight the target's share in weighted algorithms and its tier for {@code priority} (1 to 65535)
 * @param description what the target is for, e.g. for the {@code semantic} algorithm
 */
public record RouteTarget(RoutePolicy policy, UpstreamTarget upstream, RouteAnalytics analytics, int weight,
                          Optional<String> description) {
    public static final int DEFAULT_WEIGHT = 100;

    public RouteTarget {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(analytics, "analytics");
        if (weight < 1 || weight > 65535) {
            throw new IllegalArgumentException("weight must be between 1 and 65535, got " + weight);
        }
        Objects.requireNonNull(description, "description");
    }

    /** The only target of a plain {@code ai-proxy} route. */
    public static RouteTarget single(RoutePolicy policy, UpstreamTarget upstream, RouteAnalytics analytics) {
        return new RouteTarget(policy, upstream, analytics, DEFAULT_WEIGHT, Optional.empty());
    }
}
