package dev.aigateway.domain.chat;

import java.util.Objects;
import java.util.Optional;

/**
 * One choice's part of a stream chunk.
 *
 * @param finishReason set on the last chunk of the choice
 */
public record ChunkChoice(int index, ChunkDelta delta, Optional<FinishReason> finishReason) {
    public ChunkChoice {
        if (index < 0) {
            throw new IllegalArgumentException("index cannot be negative");
        }
        Objects.requireNonNull(delta, "delta");
        Objects.requireNonNull(finishReason, "finishReason");
    }
}
