package dev.aigateway.adapters.http;

import static dev.aigateway.adapters.http.OpenAiJson.NODES;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.ChatChoice;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.chat.ChunkChoice;
import dev.aigateway.domain.chat.FinishReason;
import dev.aigateway.domain.chat.ToolCall;
import java.io.IOException;
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
     * One stream chunk, written straight into {@code out}: a stream writes one per event, where building a tree
     * first cost as much again. {@code counter} numbers its tool calls after those already streamed for the choice;
     * {@code withUsage} is false when usage goes in a chunk of its own.
     */
    static void chunk(JsonGenerator out, ChatChunk chunk, ToolCallCounter counter, boolean withUsage)
            throws IOException {
        out.writeStartObject();
        out.writeStringField("id", chunk.id());
        out.writeStringField("object", "chat.completion.chunk");
        out.writeNumberField("created", chunk.created());
        out.writeStringField("model", chunk.model());
        out.writeArrayFieldStart("choices");
        for (ChunkChoice choice : chunk.choices()) {
            out.writeStartObject();
            out.writeNumberField("index", choice.index());
            out.writeObjectFieldStart("delta");
            if (choice.delta().roleStarts()) {
                out.writeStringField("role", "assistant");
            }
            if (choice.delta().content().isPresent()) {
                out.writeStringField("content", choice.delta().content().get());
            }
            if (choice.delta().reasoning().isPresent()) {
                out.writeStringField("reasoning_content", choice.delta().reasoning().get());
            }
            List<ToolCall> calls = choice.delta().toolCalls();
            if (!calls.isEmpty()) {
                out.writeArrayFieldStart("tool_calls");
                for (ToolCall call : calls) {
                    out.writeStartObject();
                    out.writeNumberField("index", counter.next(choice.index()));
                    out.writeStringField("id", call.id());
                    out.writeStringField("type", "function");
                    out.writeObjectFieldStart("function");
                    out.writeStringField("name", call.name());
                    out.writeStringField("arguments", call.arguments());
                    out.writeEndObject();
                    out.writeEndObject();
                }
                out.writeEndArray();
            }
            out.writeEndObject();
            out.writeNullField("logprobs");
            out.writeStringField("finish_reason", finishReason(choice.finishReason()));
            out.writeEndObject();
        }
        out.writeEndArray();
        if (withUsage && chunk.usage().isPresent()) {
            out.writeFieldName("usage");
            out.writeTree(OpenAiUsage.node(chunk.usage().get()));
        }
        out.writeEndObject();
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
