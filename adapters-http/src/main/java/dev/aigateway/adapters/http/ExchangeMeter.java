package dev.aigateway.adapters.http;

import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteTarget;
import dev.aigateway.ports.Served;
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
    /** Kong's header name, kept so that Kong users' dashboards and scripts keep working. */
    static final String MODEL_HEADER = "X-Kong-LLM-Model";
    /** Which of the route's targets answered (its index in {@code targets}), and after how many attempts. */
    static final String TARGET_HEADER = "X-Gateway-Target";
    static final String ATTEMPTS_HEADER = "X-Gateway-Attempts";

    private final Route route;
    private final String requestId;
    private final String operation;
    private final Observations observations;
    private final Optional<String> requestedModel;
    private Served served;
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
        this.requestedModel = requestedModel;
        served(new Served(route.primary(), 0, 1));
    }

    /** The target that answers; until the core says, the route's first. */
    void served(Served target) {
        served = target;
        model = target.target().policy().model().fixedName().or(() -> requestedModel).orElse("unknown");
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

    /** The headers an answer carries: latencies, the model, and the target that answered. */
    void answerHeaders(ServerResponse response, String answeringModel) {
        latencyHeaders(response);
        if (route.modelNameHeader()) {
            response.header(HeaderNames.create(MODEL_HEADER), served.target().upstream().provider() + "/"
                    + answeringModel);
        }
        if (route.targets().size() > 1) {
            response.header(HeaderNames.create(TARGET_HEADER), Integer.toString(served.index()));
            response.header(HeaderNames.create(ATTEMPTS_HEADER), Integer.toString(served.attempts()));
        }
    }

    private void latencyHeaders(ServerResponse response) {
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
        RouteTarget target = served.target();
        Optional<Double> cost = usage.flatMap(u -> target.analytics().pricing().map(p -> p.costOf(u)));
        observations.record(target.analytics(), new ExchangeRecord(requestId, route.name(),
                target.upstream().provider(), model, responseModel, stream, operation, status, aborted, usage,
                Duration.ofNanos(now - upstreamStart), ttft, cost, served.index(), served.attempts()));
    }
}
