package dev.aigateway.domain.chat;

import dev.aigateway.domain.Usage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of a streamed chat answer.
 *
 * @param created when the stream was created, in seconds since the epoch
 * @param usage the provider's exact token counts, on the chunk that carries them
 */
public record ChatChunk(String id, long created, String model, List<ChunkChoice> choices, Optional<Usage> usage) {
    public ChatChunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        choices = List.copyOf(choices);
        Objects.requireNonNull(usage, "usage");
    }
}
