package dev.aigateway.fakemistral;

import static dev.aigateway.fakemistral.FakeMistral.COMPLETION_TOKENS;
import static dev.aigateway.fakemistral.FakeMistral.PROMPT_TOKENS;
import static dev.aigateway.fakemistral.FakeMistral.TOTAL_TOKENS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The JSON the fake answers with, shaped like Mistral's. */
final class FakeAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeAnswers() { }

    static ObjectNode completion(String model, String content, JsonNode toolCalls, String finishReason) {
        ObjectNode answer = header(model, "chat.completion");
        ObjectNode choice = answer.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content).set("tool_calls", toolCalls);
        choice.put("finish_reason", finishReason);
        usage(answer);
        return answer;
    }

    static List<ObjectNode> textEvents(String model, FakeReply.Text text) {
        String id = newId();
        List<ObjectNode> events = new ArrayList<>();
        events.add(chunk(id, model, JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
        String[] words = text.content().split("(?<= )");
        for (int i = 0; i < words.length; i++) {
            boolean last = i == words.length - 1;
            ObjectNode event = chunk(id, model, JSON.createObjectNode().put("content", words[i]),
                    last ? text.finishReason() : null);
            if (last) {
                usage(event);
            }
            events.add(event);
        }
        return events;
    }

    static ObjectNode chunk(String id, String model, ObjectNode delta, String finishReason) {
        ObjectNode event = header(model, "chat.completion.chunk").put("id", id);
        ObjectNode choice = event.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason);
        return event;
    }

    static ArrayNode toolCalls(FakeReply.ToolCalls calls) {
        ArrayNode wire = JSON.createArrayNode();
        for (FakeReply.Call call : calls.calls()) {
            ObjectNode item = wire.addObject().put("id", call.id()).put("type", "function");
            item.putObject("function").put("name", call.name()).put("arguments", call.arguments());
        }
        return wire;
    }

    static ObjectNode header(String model, String object) {
        return JSON.createObjectNode().put("id", newId()).put("object", object)
                .put("created", System.currentTimeMillis() / 1000).put("model", model);
    }

    static void usage(ObjectNode answer) {
        answer.putObject("usage").put("prompt_tokens", PROMPT_TOKENS).put("completion_tokens", COMPLETION_TOKENS)
                .put("total_tokens", TOTAL_TOKENS);
    }

    /** Reports a prompt-cache hit in the usage of an answer or event that has usage, as Mistral does. */
    static ObjectNode cacheHit(ObjectNode answer, int cachedTokens) {
        if (cachedTokens > 0 && answer.path("usage").isObject()) {
            ((ObjectNode) answer.get("usage")).putObject("prompt_tokens_details").put("cached_tokens", cachedTokens);
        }
        return answer;
    }

    static ObjectNode error(String message, String type, String code) {
        return JSON.createObjectNode().put("object", "error").put("message", message).put("type", type)
                .putNull("param").put("code", code);
    }

    static String newId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
