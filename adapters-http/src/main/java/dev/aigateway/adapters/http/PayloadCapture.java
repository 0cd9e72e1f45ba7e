package dev.aigateway.adapters.http;

import static dev.aigateway.adapters.http.OpenAiJson.NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChunkChoice;
import dev.aigateway.domain.chat.ToolCall;
import dev.aigateway.ports.Payloads;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps one exchange's bodies for a route with {@code log_payloads}: the request as the gateway read it (its
 * credentials already taken out), the answer as the client got it, a stream's text and tool calls assembled. Each
 * is kept up to {@value #MAX_CHARS} characters, so a large request cannot make the log line, or the memory held for
 * it, grow without bound.
 */
final class PayloadCapture implements Payloads {
    static final int MAX_CHARS = 64 * 1024;
    /** What a route that does not log payloads gets: nothing is kept. */
    static final PayloadCapture NONE = new PayloadCapture(false);

    private final boolean keeping;
    private String request;
    private String response;
    private StringBuilder streamed;
    private List<ToolCall> streamedToolCalls;

    private PayloadCapture(boolean keeping) {
        this.keeping = keeping;
    }

    /** A capture for one request of a route that logs payloads, starting with the request's body. */
    static PayloadCapture keeping(byte[] requestJson) {
        PayloadCapture capture = new PayloadCapture(true);
        capture.request = capped(new String(requestJson, StandardCharsets.UTF_8));
        return capture;
    }

    void response(byte[] json) {
        if (keeping) {
            response = capped(new String(json, StandardCharsets.UTF_8));
        }
    }

    /** A stream chunk reached the client: its text and tool calls are added to the assembled answer. */
    void relayed(ChatChunk chunk) {
        if (!keeping) {
            return;
        }
        if (streamed == null) {
            streamed = new StringBuilder();
            streamedToolCalls = new ArrayList<>();
        }
        for (ChunkChoice choice : chunk.choices()) {
            choice.delta().content().filter(text -> streamed.length() < MAX_CHARS).ifPresent(streamed::append);
            streamedToolCalls.addAll(choice.delta().toolCalls());
        }
    }

    @Override
    public Optional<String> request() {
        return Optional.ofNullable(request);
    }

    @Override
    public Optional<String> response() {
        if (response != null || streamed == null) {
            return Optional.ofNullable(response);
        }
        ObjectNode message = NODES.objectNode().put("role", "assistant").put("content", capped(streamed.toString()));
        if (!streamedToolCalls.isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            streamedToolCalls.forEach(call -> calls.addObject().put("id", call.id()).put("type", "function")
                    .putObject("function").put("name", call.name()).put("arguments", call.arguments()));
        }
        return Optional.of(capped(message.toString()));
    }

    private static String capped(String text) {
        return text.length() <= MAX_CHARS ? text
                : text.substring(0, MAX_CHARS) + "...[" + (text.length() - MAX_CHARS) + " more characters]";
    }
}
