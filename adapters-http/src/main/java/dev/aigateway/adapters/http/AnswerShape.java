package dev.aigateway.adapters.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChatResponse;
import java.io.IOException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How an answer is written for one OpenAI API: {@code chat.completion} for chat, {@code text_completion} for
 * legacy completions. Both come from the same chat-shaped domain answer.
 */
record AnswerShape(Function<ChatResponse, ObjectNode> whole, ChunkWriter chunk,
                   BiFunction<ChatChunk, Usage, ObjectNode> usageChunk) {

    static final AnswerShape CHAT = new AnswerShape(OpenAiChatResponseMapper::completion,
            OpenAiChatResponseMapper::chunk, OpenAiChatResponseMapper::usageChunk);

    static final AnswerShape TEXT_COMPLETION = new AnswerShape(OpenAiTextCompletionMapper::completion,
            (out, chunk, counter, withUsage) -> out.writeTree(OpenAiTextCompletionMapper.chunk(chunk, withUsage)),
            OpenAiTextCompletionMapper::usageChunk);

    /** Writes one stream chunk into a generator. */
    @FunctionalInterface
    interface ChunkWriter {
        void write(JsonGenerator out, ChatChunk chunk, ToolCallCounter counter, boolean withUsage)
                throws IOException;
    }
}
