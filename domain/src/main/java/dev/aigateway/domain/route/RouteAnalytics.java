package dev.aigateway.domain.route;

import java.util.Objects;
import java.util.Optional;

/**
 * What a route reports about its traffic (Kong's {@code logging} block and token prices).
 *
 * @param logStatistics whether each request writes an analytics log line
 * @param pricing the token prices, when configured; cost is reported only with them
 */
public record RouteAnalytics(boolean logStatistics, Optional<Pricing> pricing) {
    public RouteAnalytics {
        Objects.requireNonNull(pricing, "pricing");
    }

    /** No log line and no prices: Kong's defaults. */
    public static RouteAnalytics none() {
        return new RouteAnalytics(false, Optional.empty());
    }
}
