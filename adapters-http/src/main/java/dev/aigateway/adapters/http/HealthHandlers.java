package dev.aigateway.adapters.http;

import static dev.aigateway.adapters.http.OpenAiJson.NODES;

import dev.aigateway.ports.engine.Readiness;
import io.helidon.webserver.http.HttpRouting;

/** Liveness and readiness probes for orchestrators and load balancers. */
final class HealthHandlers {
    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";

    private HealthHandlers() { }

    static void register(HttpRouting.Builder routing, Readiness readiness, OpenAiJson json) {
        byte[] up = json.write(NODES.objectNode().put("status", "UP"));
        byte[] down = json.write(NODES.objectNode().put("status", "DOWN"));
        routing.get(LIVE, (req, res) -> Replies.sendJson(res, 200, up));
        routing.get(READY, (req, res) -> {
            boolean ready = readiness.isReady();
            Replies.sendJson(res, ready ? 200 : 503, ready ? up : down);
        });
    }
}
