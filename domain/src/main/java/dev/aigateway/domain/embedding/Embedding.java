package dev.aigateway.domain.embedding;

import java.util.Objects;

/**
 * The vector of one input.
 *
 * @param index the position of the input it embeds
 */
public record Embedding(int index, EmbeddingVector vector) {
    public Embedding {
        if (index < 0) {
            throw new IllegalArgumentException("index cannot be negative");
        }
        Objects.requireNonNull(vector, "vector");
    }
}
