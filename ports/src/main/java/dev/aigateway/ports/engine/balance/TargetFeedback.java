package dev.aigateway.ports.engine.balance;

import dev.aigateway.domain.Usage;
import java.time.Duration;
import java.util.Optional;

/**
 * What one attempt on a target showed, for the algorithms that learn from it.
 *
 * @param latency from sending to the end of the answer
 * @param timeToFirstToken for streams, until the first chunk
 * @param usage the provider's token counts, when they arrived
 * @param cost the tokens' cost, when the target has prices
 */
public record TargetFeedback(boolean succeeded, Duration latency, Optional<Duration> timeToFirstToken,
                             Optional<Usage> usage, Optional<Double> cost) { }
