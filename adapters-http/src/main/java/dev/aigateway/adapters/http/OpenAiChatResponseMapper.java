package dev.aigateway.adapters.http;

import static dev.aigateway.adapters.http.OpenAiJson.NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.ChatChoice;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.chat.ChunkChoice;
import dev.aigateway.domain.chat.FinishReason;
import dev.aigateway.domain.chat.ToolCall;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Domain chat answers to OpenAI's {@code chat.completion} and {@code chat.completion.chunk} objects. */
final class OpenAiChatResponseMapper {

    private OpenAiChatResponseMapper() { }

    static ObjectNode completion(ChatResponse response) {
        ObjectNode wire = header(response.id(), "chat.completion", response.created(), response.model());
        ArrayNode choices = wire.putArray("choices");
        for (ChatChoice choice : response.choices()) {
            ObjectNode item = choices.addObject().put("index", choice.index());
            ObjectNode message = item.putObject("message").put("role", "assistant");
            message.put("content", choice.message().content().orElse(null));
            choice.message().reasoning().ifPresent(r -> message.put("reasoning_content", r));
            if (!choice.message().toolCalls().isEmpty()) {
                ArrayNode calls = message.putArray("tool_calls");
                choice.message().toolCalls().forEach(call -> toolCall(calls.addObject(), call));
            }
            item.putNull("logprobs");
            item.put("finish_reason", finishReason(choice.finishReason()));
        }
        response.usage().ifPresent(usage -> OpenAiUsage.write(wire, usage));
        return wire;
    }

    /**
     * One stream chunk. {@code counter} numbers its tool calls after those already streamed for the choice;
     * {@code withUsage} is false when usage goes in a chunk of its own.
     */
    static ObjectNode chunk(ChatChunk chunk, ToolCallCounter counter, boolean withUsage) {
        ObjectNode wire = header(chunk.id(), "chat.completion.chunk", chunk.created(), chunk.model());
        ArrayNode choices = wire.putArray("choices");
        for (ChunkChoice choice : chunk.choices()) {
            ObjectNode item = choices.addObject().put("index", choice.index());
            ObjectNode delta = item.putObject("delta");
            if (choice.delta().roleStarts()) {
                delta.put("role", "assistant");
            }
            choice.delta().content().ifPresent(c -> delta.put("content", c));
            choice.delta().reasoning().ifPresent(r -> delta.put("reasoning_content", r));
            List<ToolCall> calls = choice.delta().toolCalls();
            if (!calls.isEmpty()) {
                ArrayNode wireCalls = delta.putArray("tool_calls");
                for (ToolCall call : calls) {
                    toolCall(wireCalls.addObject().put("index", counter.next(choice.index())), call);
                }
            }
            item.putNull("logprobs");
            item.put("finish_reason", finishReason(choice.finishReason()));
        }
        if (withUsage) {
            chunk.usage().ifPresent(usage -> OpenAiUsage.write(wire, usage));
        }
        return wire;
    }

    /** OpenAI's closing chunk for {@code include_usage}: no choices, only the usage. */
    static ObjectNode usageChunk(ChatChunk last, Usage usage) {
        ObjectNode wire = header(last.id(), "chat.completion.chunk", last.created(), last.model());
        wire.putArray("choices");
        OpenAiUsage.write(wire, usage);
        return wire;
    }

    private static ObjectNode header(String id, String object, long created, String model) {
        return NODES.objectNode().put("id", id).put("object", object).put("created", created).put("model", model);
    }

    private static void toolCall(ObjectNode wire, ToolCall call) {
        wire.put("id", call.id()).put("type", "function");
        wire.putObject("function").put("name", call.name()).put("arguments", call.arguments());
    }

    private static String finishReason(Optional<FinishReason> reason) {
        return reason.map(r -> r.name().toLowerCase(Locale.ROOT)).orElse(null);
    }
}
