package dev.aigateway.adapters.http;

import dev.aigateway.domain.Usage;
import java.time.Duration;
import java.util.Optional;

/**
 * One answered request, as the analytics log line and the metrics report it.
 *
 * @param model the model asked for (the resolved one once known)
 * @param responseModel the model the provider says answered
 * @param operation {@code chat}, {@code text_completion} or {@code embeddings}
 * @param aborted true when a started answer did not finish (the client left, or the upstream broke off)
 * @param usage the provider's exact token counts, as far as they arrived
 * @param upstreamLatency from sending upstream to the end of the answer
 * @param timeToFirstToken for streams, from sending upstream to the first chunk
 * @param cost from the target's prices, when it has them and usage arrived
 * @param target the index of the route target that answered
 * @param attempts how many targets were tried
 */
record ExchangeRecord(String requestId, String route, String provider, String model, Optional<String> responseModel,
                      boolean stream, String operation, int status, boolean aborted, Optional<Usage> usage,
                      Duration upstreamLatency, Optional<Duration> timeToFirstToken, Optional<Double> cost,
                      int target, int attempts) {

    /** Kong's {@code time_per_token}: generation time per completion token, in ms. */
    Optional<Double> timePerTokenMillis() {
        return usage.filter(u -> u.completionTokens() > 0).map(u -> {
            Duration generating = upstreamLatency.minus(timeToFirstToken.orElse(Duration.ZERO));
            return generating.toNanos() / 1e6 / u.completionTokens();
        });
    }
}
