package dev.aigateway.domain.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The model's answer in a completed response.
 *
 * @param content the answer's text; empty when the model only called tools
 * @param reasoning the model's visible reasoning, for reasoning models that return it
 * @param toolCalls the function calls the model asked for; empty when none
 */
public record AssistantReply(Optional<String> content, Optional<String> reasoning, List<ToolCall> toolCalls) {
    public AssistantReply {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(reasoning, "reasoning");
        toolCalls = List.copyOf(toolCalls);
    }
}
