package dev.aigateway.domain.chat;

import java.util.Objects;
import java.util.Optional;

/**
 * One alternative answer of a completed response.
 *
 * @param finishReason why generation ended, when the provider said
 */
public record ChatChoice(int index, AssistantReply message, Optional<FinishReason> finishReason) {
    public ChatChoice {
        if (index < 0) {
            throw new IllegalArgumentException("index cannot be negative");
        }
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(finishReason, "finishReason");
    }
}
