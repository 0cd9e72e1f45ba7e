package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.ports.Served;
import io.helidon.webserver.http.ServerResponse;

/** Where one request's answer goes: a JSON body or an event stream, each with the answer's headers. */
final class HttpAnswer {
    private final ServerResponse response;
    private final AnswerHeaders headers;
    private final OpenAiJson json;
    private final OpenStreams streams;
    private final ClientCancellation cancellation;
    private final PayloadCapture payloads;

    HttpAnswer(ServerResponse response, AnswerHeaders headers, OpenAiJson json, OpenStreams streams,
               ClientCancellation cancellation, PayloadCapture payloads) {
        this.response = response;
        this.headers = headers;
        this.json = json;
        this.streams = streams;
        this.cancellation = cancellation;
        this.payloads = payloads;
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
        byte[] bytes = json.write(body);
        payloads.response(bytes);
        Replies.sendJson(response, 200, bytes);
    }

    /** A stream chunk goes to the client. */
    void relayed(ChatChunk chunk) {
        payloads.relayed(chunk);
    }

    SseStream openStream(Served served, String model) {
        headers.write(response, served, model);
        return SseStream.open(response, streams, cancellation);
    }
}
