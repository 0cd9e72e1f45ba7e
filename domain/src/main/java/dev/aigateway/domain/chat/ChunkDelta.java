package dev.aigateway.domain.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one stream chunk adds to a choice.
 *
 * @param roleStarts true on the chunk that opens the assistant's message
 * @param content text added to the answer
 * @param reasoning text added to the model's visible reasoning
 * @param toolCalls tool calls that arrived in this chunk
 */
public record ChunkDelta(boolean roleStarts, Optional<String> content, Optional<String> reasoning,
                         List<ToolCall> toolCalls) {
    public ChunkDelta {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(reasoning, "reasoning");
        toolCalls = List.copyOf(toolCalls);
    }
}
