package dev.aigateway.fakemistral;

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
