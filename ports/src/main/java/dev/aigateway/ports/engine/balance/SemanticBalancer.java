package dev.aigateway.ports.engine.balance;

import dev.aigateway.domain.embedding.EmbeddingVector;
import dev.aigateway.domain.route.SemanticSettings;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Picks the target whose description is nearest to the prompt, in an in-memory index of the descriptions'
 * vectors. Below the threshold the {@code CATCHALL} target answers (or, without one, the nearest anyway).
 */
public final class SemanticBalancer implements Balancer {
    private final List<EmbeddingVector> descriptions;
    private final int catchAll;
    private final SemanticSettings settings;
    private final Function<String, EmbeddingVector> embed;

    /**
     * @param descriptions each target's description vector, in target order (null for the catch-all)
     * @param embed embeds a prompt with the same model
     */
    public SemanticBalancer(List<EmbeddingVector> descriptions, int catchAll, SemanticSettings settings,
                            Function<String, EmbeddingVector> embed) {
        this.descriptions = descriptions;
        this.catchAll = catchAll;
        this.settings = settings;
        this.embed = embed;
    }

    @Override
    public int pick(Set<Integer> excluded, String prompt) {
        EmbeddingVector query = prompt == null ? null : embed.apply(prompt);
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < descriptions.size(); i++) {
            if (excluded.contains(i) || i == catchAll || query == null) {
                continue;
            }
            double score = score(query, descriptions.get(i));
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        boolean nearEnough = best >= 0 && bestScore >= settings.threshold();
        if (!nearEnough && catchAll >= 0 && !excluded.contains(catchAll)) {
            return catchAll;
        }
        return best;
    }

    private double score(EmbeddingVector a, EmbeddingVector b) {
        int n = Math.min(a.dimensions(), b.dimensions());
        double dot = 0;
        double normA = 0;
        double normB = 0;
        double squared = 0;
        for (int i = 0; i < n; i++) {
            dot += a.get(i) * b.get(i);
            normA += a.get(i) * a.get(i);
            normB += b.get(i) * b.get(i);
            squared += (a.get(i) - b.get(i)) * (a.get(i) - b.get(i));
        }
        if (!settings.cosine()) {
            return -Math.sqrt(squared);
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }
}
