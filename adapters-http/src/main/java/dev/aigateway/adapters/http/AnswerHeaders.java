package dev.aigateway.adapters.http;

import dev.aigateway.domain.route.Route;
import dev.aigateway.ports.Served;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

/** The headers an answer carries: Kong's latency headers, the model that answered, and the target that did. */
final class AnswerHeaders {
    static final String UPSTREAM_LATENCY = "X-Kong-Upstream-Latency";
    static final String PROXY_LATENCY = "X-Kong-Proxy-Latency";
    /** Kong's header name, kept so that Kong users' dashboards and scripts keep working. */
    static final String MODEL_HEADER = "X-Kong-LLM-Model";
    /** Which of the route's targets answered (its index in {@code targets}), and after how many attempts. */
    static final String TARGET_HEADER = "X-Gateway-Target";
    static final String ATTEMPTS_HEADER = "X-Gateway-Attempts";

    private final Route route;
    private final long receivedNanos;
    private long upstreamStartNanos;

    /** @param receivedNanos when the gateway began handling the request */
    AnswerHeaders(Route route, long receivedNanos) {
        this.route = route;
        this.receivedNanos = receivedNanos;
        this.upstreamStartNanos = receivedNanos;
    }

    /** The request is read: from now on the time is the upstream's. */
    void upstreamStarted() {
        upstreamStartNanos = System.nanoTime();
    }

    void write(ServerResponse response, Served served, String answeringModel) {
        long now = System.nanoTime();
        response.header(HeaderNames.create(UPSTREAM_LATENCY), Long.toString((now - upstreamStartNanos) / 1_000_000));
        response.header(HeaderNames.create(PROXY_LATENCY), Long.toString((upstreamStartNanos - receivedNanos)
                / 1_000_000));
        if (route.modelNameHeader()) {
            response.header(HeaderNames.create(MODEL_HEADER), served.target().upstream().provider() + "/"
                    + answeringModel);
        }
        if (route.targets().size() > 1) {
            response.header(HeaderNames.create(TARGET_HEADER), Integer.toString(served.index()));
            response.header(HeaderNames.create(ATTEMPTS_HEADER), Integer.toString(served.attempts()));
        }
    }
}
