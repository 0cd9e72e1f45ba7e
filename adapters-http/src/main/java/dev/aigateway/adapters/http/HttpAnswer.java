package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.ports.Served;
import io.helidon.webserver.http.ServerResponse;

/** Where one request's answer goes: a JSON body or an event stream, each with the answer's headers. */
final class HttpAnswer {
    private final ServerResponse response;
    private final AnswerHeaders headers;
    private final OpenAiJson json;
    private final OpenStreams streams;
    private final ClientCancellation cancellation;

    HttpAnswer(ServerResponse response, AnswerHeaders headers, OpenAiJson json, OpenStreams streams,
               ClientCancellation cancellation) {
        this.response = response;
        this.headers = headers;
        this.json = json;
        this.streams = streams;
        this.cancellation = cancellation;
    }

    OpenAiJson json() {
        return json;
    }

    /** The request is read and goes to the core now. */
    void upstreamStarted() {
        headers.upstreamStarted();
    }

    void sendJson(Served served, String model, ObjectNode body) {
        headers.write(response, served, model);
        Replies.sendJson(response, 200, json.write(body));
    }

    SseStream openStream(Served served, String model) {
        headers.write(response, served, model);
        return SseStream.open(response, streams, cancellation);
    }
}
