package dev.aigateway.adapters.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

/** Sends JSON bodies and error envelopes with the headers every answer carries. */
final class Replies {
    static void sendJson(ServerResponse response, int status, byte[] body) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.send(body);
    }

    static void sendError(ServerResponse response, OpenAiJson json, ErrorReply reply) {
        reply.retryAfter().ifPresent(value -> response.header(HeaderNames.RETRY_AFTER, value));
        reply.headers().forEach(response::header);
        sendJson(response, reply.status(), json.write(reply.envelope()));
    }
}
