package dev.aigateway.domain.embedding;

import dev.aigateway.domain.access.TokenEstimate;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an embeddings request into batches a provider takes in one call: at most so many inputs, and at most so
 * many estimated tokens (one input over the token limit still goes alone, for the provider to judge).
 *
 * @param maxInputs the most inputs in one call
 * @param maxTokens the most estimated tokens in one call
 */
public record EmbeddingBatches(int maxInputs, int maxTokens) {

    /**
     * One batch of a request.
     *
     * @param offset the position of the batch's first input in the original request
     */
    public record Batch(int offset, EmbeddingRequest request) { }

    public EmbeddingBatches {
        if (maxInputs < 1 || maxTokens < 1) {
            throw new IllegalArgumentException("batch limits must be positive");
        }
    }

    /** The request's batches, in order; one batch when it fits as it is. */
    public List<Batch> split(EmbeddingRequest request) {
        List<Batch> batches = new ArrayList<>();
        int start = 0;
        int tokens = 0;
        for (int i = 0; i < request.inputs().size(); i++) {
            int inputTokens = TokenEstimate.promptTokens(request.inputs().subList(i, i + 1));
            boolean full = i - start == maxInputs || i > start && tokens + inputTokens > maxTokens;
            if (full) {
                batches.add(batch(request, start, i));
                start = i;
                tokens = 0;
            }
            tokens += inputTokens;
        }
        batches.add(batch(request, start, request.inputs().size()));
        return batches;
    }

    private static Batch batch(EmbeddingRequest request, int from, int to) {
        return new Batch(from, new EmbeddingRequest(request.model(), request.inputs().subList(from, to),
                request.dimensions(), request.extensions()));
    }
}
