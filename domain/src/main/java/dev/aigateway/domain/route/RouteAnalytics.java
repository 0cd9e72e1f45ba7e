package dev.aigateway.domain.route;

import java.util.Objects;
import java.util.Optional;

/**
 * What a route reports about its traffic (Kong's {@code logging} block and token prices).
 *
 * @param logStatistics whether each request writes an analytics log line
 * @param pricing the token prices, when configured; cost is reported only with them
 * @param logPayloads whether the log line carries the request and answer bodies (Kong's {@code log_payloads})
 */
public record RouteAnalytics(boolean logStatistics, Optional<Pricing> pricing, boolean logPayloads) {
    public RouteAnalytics {
        Objects.requireNonNull(pricing, "pricing");
    }

    /** Statistics without payloads. */
    public RouteAnalytics(boolean logStatistics, Optional<Pricing> pricing) {
        this(logStatistics, pricing, false);
    }

    /** Whether each request writes an analytics log line: for its statistics, its payloads or both. */
    public boolean logsLine() {
        return logStatistics || logPayloads;
    }

    /** No log line and no prices: Kong's defaults. */
    public static RouteAnalytics none() {
        return new RouteAnalytics(false, Optional.empty());
    }
}
