package dev.aigateway.domain.embedding;

import dev.aigateway.domain.Usage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The vectors for an {@link EmbeddingRequest}, one per input.
 *
 * @param id the provider's id for the answer, when it gave one
 * @param model the model that answered, as the provider named it
 * @param usage the token counts the provider reported, when it did
 */
public record EmbeddingResponse(Optional<String> id, String model, List<Embedding> data, Optional<Usage> usage) {
    public EmbeddingResponse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        data = List.copyOf(data);
        Objects.requireNonNull(usage, "usage");
    }
}
