package dev.aigateway.adapters.http;

import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.route.Route;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Measures one request as it is answered: when it went upstream, when the first chunk came, the usage the
 * provider reported, and how it ended. Streams are observed chunk by chunk as they pass, never parsed again.
 */
final class ExchangeMeter {
    static final String UPSTREAM_LATENCY = "X-Kong-Upstream-Latency";
    static final String PROXY_LATENCY = "X-Kong-Proxy-Latency";

    private final Route route;
    private final String requestId;
    private final String operation;
    private final Observations observations;
    private final long receivedNanos = System.nanoTime();
    private String model;
    private long upstreamStartNanos;
    private long firstChunkNanos;
    private boolean stream;
    private Optional<String> responseModel = Optional.empty();
    private Optional<Usage> usage = Optional.empty();
    private boolean finished;

    ExchangeMeter(Route route, String requestId, String operation, Optional<String> requestedModel,
                  Observations observations) {
        this.route = route;
        this.requestId = requestId;
        this.operation = operation;
        this.observations = observations;
        this.model = route.policy().model().fixedName().or(() -> requestedModel).orElse("unknown");
    }

    String requestId() {
        return requestId;
    }

    void upstreamStarted() {
        upstreamStartNanos = System.nanoTime();
    }

    void streamOpened(String resolvedModel) {
        stream = true;
        model = resolvedModel;
    }

    void answered(String answeringModel, Optional<Usage> reported) {
        responseModel = Optional.of(answeringModel);
        usage = reported;
    }

    void chunk(ChatChunk chunk) {
        if (firstChunkNanos == 0) {
            firstChunkNanos = System.nanoTime();
        }
        responseModel = Optional.of(chunk.model());
        if (chunk.usage().isPresent()) {
            usage = chunk.usage();
        }
    }

    /** Kong's latency headers, for an answer about to start. */
    void latencyHeaders(ServerResponse response) {
        long now = System.nanoTime();
        long upstreamStart = upstreamStartNanos == 0 ? now : upstreamStartNanos;
        response.header(HeaderNames.create(UPSTREAM_LATENCY), Long.toString((now - upstreamStart) / 1_000_000));
        response.header(HeaderNames.create(PROXY_LATENCY), Long.toString((upstreamStart - receivedNanos) / 1_000_000));
    }

    /** Reports the request once, however it ended. */
    void finish(int status, boolean aborted) {
        if (finished) {
            return;
        }
        finished = true;
        long now = System.nanoTime();
        long upstreamStart = upstreamStartNanos == 0 ? now : upstreamStartNanos;
        Optional<Duration> ttft = firstChunkNanos == 0 ? Optional.empty()
                : Optional.of(Duration.ofNanos(firstChunkNanos - upstreamStart));
        Optional<Double> cost = usage.flatMap(u -> route.analytics().pricing().map(p -> p.costOf(u)));
        observations.record(route, new ExchangeRecord(requestId, route.name(), route.target().provider(), model,
                responseModel, stream, operation, status, aborted, usage, Duration.ofNanos(now - upstreamStart), ttft,
                cost));
    }
}
