package dev.aigateway.adapters.http;

import dev.aigateway.domain.route.Route;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

/** Sends JSON bodies and error envelopes with the headers every answer carries. */
final class Replies {
    /** Kong's header name, kept so that Kong users' dashboards and scripts keep working. */
    static final String MODEL_HEADER = "X-Kong-LLM-Model";

    private Replies() { }

    static void sendJson(ServerResponse response, int status, byte[] body) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.send(body);
    }

    /** Names {@code provider/model} on the answer when the route asks for it (Kong's {@code model_name_header}). */
    static void modelHeader(ServerResponse response, Route route, String model) {
        if (route.modelNameHeader()) {
            response.header(MODEL_HEADER, route.target().provider() + "/" + model);
        }
    }

    static void sendError(ServerResponse response, OpenAiJson json, ErrorReply reply) {
        reply.retryAfter().ifPresent(value -> response.header(HeaderNames.RETRY_AFTER, value));
        reply.headers().forEach(response::header);
        sendJson(response, reply.status(), json.write(reply.envelope()));
    }
}
