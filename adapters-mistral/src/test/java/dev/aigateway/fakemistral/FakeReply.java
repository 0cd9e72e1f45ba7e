package dev.aigateway.fakemistral;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the fake Mistral answers to the next chat request, when a test scripts it. */
public sealed interface FakeReply {

    /** A text answer; streamed word by word when the request asks for a stream. */
    record Text(String content, String finishReason) implements FakeReply { }

    /** The model asks for tool calls. */
    record ToolCalls(List<Call> calls) implements FakeReply { }

    /** One tool call: Mistral sends nine-character ids and the arguments as a JSON text. */
    record Call(String id, String name, String arguments) { }

    /** An error status with a raw body, as Mistral (or a proxy in front of it) would send it. */
    record Error(int status, String body, Map<String, String> headers) implements FakeReply { }

    /** Streams the text's first {@code eventsBefore} events, then goes silent for {@code stall}, then goes on. */
    record Stall(String content, int eventsBefore, Duration stall) implements FakeReply { }

    /** Streams the text's first {@code eventsBefore} events, then breaks the connection. */
    record Reset(String content, int eventsBefore) implements FakeReply { }

    /** Waits before sending anything, then answers as {@code then}. */
    record Delay(Duration delay, FakeReply then) implements FakeReply { }

    static FakeReply text(String content) {
        return new Text(content, "stop");
    }

    static FakeReply toolCall(String id, String name, String arguments) {
        return new ToolCalls(List.of(new Call(id, name, arguments)));
    }

    static FakeReply error(int status, String body) {
        return new Error(status, body, Map.of());
    }
}
