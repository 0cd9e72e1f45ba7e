package dev.aigateway.domain.route;

import dev.aigateway.domain.Usage;
import java.util.Objects;
import java.util.Optional;

/**
 * What a route's tokens cost (Kong's {@code model.options.input_cost} / {@code output_cost}, and this gateway's
 * {@code cached_input_cost}).
 *
 * @param inputPerMillion the price of a million prompt tokens
 * @param outputPerMillion the price of a million completion tokens
 * @param cachedInputPerMillion the price of a million prompt tokens served from the provider's cache, when it has
 *     one of its own (Mistral bills them at a tenth); without it they cost what other prompt tokens do
 */
public record Pricing(double inputPerMillion, double outputPerMillion, Optional<Double> cachedInputPerMillion) {
    public Pricing {
        Objects.requireNonNull(cachedInputPerMillion, "cachedInputPerMillion");
        if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0)
                || cachedInputPerMillion.filter(price -> !(price >= 0)).isPresent()) {
            throw new IllegalArgumentException("prices cannot be negative");
        }
    }

    /** Prices without a cached-input price. */
    public Pricing(double inputPerMillion, double outputPerMillion) {
        this(inputPerMillion, outputPerMillion, Optional.empty());
    }

    /**
     * Kong's formula, (prompt x input cost + completion x output cost) / 1,000,000, with cached prompt tokens at
     * their own price when there is one.
     */
    public double costOf(Usage usage) {
        int cached = Math.min(usage.cachedPromptTokens(), usage.promptTokens());
        double prompt = cachedInputPerMillion.map(price -> (usage.promptTokens() - cached) * inputPerMillion
                + cached * price).orElse(usage.promptTokens() * inputPerMillion);
        return (prompt + usage.completionTokens() * outputPerMillion) / 1_000_000;
    }
}
