package dev.aigateway.domain.embedding;

import dev.aigateway.domain.Usage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The vectors for an {@link EmbeddingRequest}, one per input.
 *
 * @param id the provider's id for the answer, when it gave one
 * @param model the model that answered, as the provider named it
 * @param usage the token counts the provider reported, when it did
 * @param upstreamCalls how many upstream calls the answer took: more than one when the request was split into
 *     batches the provider takes
 */
public record EmbeddingResponse(Optional<String> id, String model, List<Embedding> data, Optional<Usage> usage,
                                int upstreamCalls) {
    public EmbeddingResponse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        data = List.copyOf(data);
        Objects.requireNonNull(usage, "usage");
        if (upstreamCalls < 1) {
            throw new IllegalArgumentException("an answer takes at least one upstream call");
        }
    }

    /** The answer of one upstream call. */
    public EmbeddingResponse(Optional<String> id, String model, List<Embedding> data, Optional<Usage> usage) {
        this(id, model, data, usage, 1);
    }

    /**
     * The answers of a request's batches as one answer to the whole request: vectors in the order of the original
     * inputs, usage summed (absent when any part reported none), the first part's id and model.
     *
     * @param parts the answers, in the order of {@code batches}
     */
    public static EmbeddingResponse merge(List<EmbeddingBatches.Batch> batches, List<EmbeddingResponse> parts) {
        if (batches.size() != parts.size() || parts.isEmpty()) {
            throw new IllegalArgumentException("one answer per batch");
        }
        List<Embedding> data = new ArrayList<>();
        Optional<Usage> usage = Optional.of(new Usage(0, 0, 0));
        for (int i = 0; i < parts.size(); i++) {
            int offset = batches.get(i).offset();
            for (Embedding embedding : parts.get(i).data()) {
                data.add(new Embedding(offset + embedding.index(), embedding.vector()));
            }
            Optional<Usage> part = parts.get(i).usage();
            usage = usage.flatMap(sum -> part.map(sum::plus));
        }
        data.sort(Comparator.comparingInt(Embedding::index));
        EmbeddingResponse first = parts.get(0);
        return new EmbeddingResponse(first.id(), first.model(), data, usage, parts.size());
    }
}
