package dev.aigateway.domain.route;

import java.util.Objects;

/**
 * What the {@code semantic} algorithm needs (Kong's {@code embeddings} and {@code vectordb} blocks): where to embed
 * target descriptions and prompts, and how near a prompt must be to a description to pick its target.
 *
 * @param embeddings the embeddings upstream (its credential and endpoint)
 * @param model the embedding model, e.g. {@code mistral-embed}
 * @param threshold the least similarity that picks a target; below it the {@code CATCHALL} target answers
 * @param cosine cosine similarity when true, else negative euclidean distance
 */
public record SemanticSettings(UpstreamTarget embeddings, String model, double threshold, boolean cosine) {
    /** The description that marks the target for prompts near no other target. */
    public static final String CATCHALL = "CATCHALL";

    public SemanticSettings {
        Objects.requireNonNull(embeddings, "embeddings");
        Objects.requireNonNull(model, "model");
    }
}
