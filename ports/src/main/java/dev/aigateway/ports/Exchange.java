package dev.aigateway.ports;

import dev.aigateway.domain.Usage;
import dev.aigateway.domain.access.Consumer;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.route.Route;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One exchange, as the core saw it end: every number computed once, for every observer.
 *
 * @param requestId the request's id
 * @param route the route it arrived on
 * @param served the target that answered (or, when none did, the last one tried, or the route's first)
 * @param triedTargets the indexes of the targets tried, in order (Kong's {@code tried_targets})
 * @param model the model the request was sent to (or asked for, when it was refused before that)
 * @param responseModel the model the provider says answered
 * @param responseId the provider's id of the answer
 * @param finishReasons why generation ended, per choice, as OpenAI names them
 * @param stream whether the answer was streamed
 * @param outcome how it ended
 * @param error why it failed or broke off, when it did
 * @param usage the provider's exact token counts, as far as they arrived
 * @param latency from sending to the answering target until the end of its answer
 * @param timeToFirstToken for streams, from sending to the answering target until its first chunk
 * @param cost from the answering target's prices, when it has them and usage arrived
 * @param consumer who sent it, when the route authenticates
 * @param limitsUnchecked whether it was served without its token limits, the counter store being unavailable
 * @param upstreamCalls how many upstream calls the answer took (more than one for a request split into batches)
 * @param traceId the trace the exchange belongs to, when it is traced
 * @param payloads the request and answer bodies, for a route that logs payloads
 */
public record Exchange(String requestId, Route route, Served served, List<Integer> triedTargets, String model,
                       Optional<String> responseModel, Optional<String> responseId, List<String> finishReasons,
                       boolean stream, Outcome outcome, Optional<GatewayError> error, Optional<Usage> usage,
                       Duration latency, Optional<Duration> timeToFirstToken, Optional<Double> cost,
                       Optional<Consumer> consumer, boolean limitsUnchecked, int upstreamCalls,
                       Optional<String> traceId, Payloads payloads) {

    /** How an exchange ended. */
    public enum Outcome {
        /** The whole answer reached the client. */
        COMPLETED,
        /** Nothing reached the client: it gets an error instead. */
        FAILED,
        /** Part of a streamed answer reached the client, then the upstream broke off or the client left. */
        ABORTED
    }

    public Exchange {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(served, "served");
        triedTargets = List.copyOf(triedTargets);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(responseModel, "responseModel");
        Objects.requireNonNull(responseId, "responseId");
        finishReasons = List.copyOf(finishReasons);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(timeToFirstToken, "timeToFirstToken");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(payloads, "payloads");
    }

    /** Kong's {@code time_per_token}: generation time per completion token, in ms. */
    public Optional<Double> timePerTokenMillis() {
        return usage.filter(u -> u.completionTokens() > 0).map(u -> {
            Duration generating = latency.minus(timeToFirstToken.orElse(Duration.ZERO));
            return generating.toNanos() / 1e6 / u.completionTokens();
        });
    }
}
