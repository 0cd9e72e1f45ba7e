package dev.aigateway.domain.embedding;

import dev.aigateway.domain.Usage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The vectors for an {@link EmbeddingRequest}, one per input.
 *
 * @param model the model that answered, as the provider named it
 * @param usage the token counts the provider reported, when it did
 */
public record EmbeddingResponse(String model, List<Embedding> data, Optional<Usage> usage) {
    public EmbeddingResponse {
        Objects.requireNonNull(model, "model");
        data = List.copyOf(data);
        Objects.requireNonNull(usage, "usage");
    }
}
