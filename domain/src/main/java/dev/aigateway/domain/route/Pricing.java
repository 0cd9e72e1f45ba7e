package dev.aigateway.domain.route;

import dev.aigateway.domain.Usage;

/**
 * What a route's tokens cost (Kong's {@code model.options.input_cost} / {@code output_cost}).
 *
 * @param inputPerMillion the price of a million prompt tokens
 * @param outputPerMillion the price of a million completion tokens
 */
public record Pricing(double inputPerMillion, double outputPerMillion) {
    public Pricing {
        if (inputPerMillion < 0 || outputPerMillion < 0 || Double.isNaN(inputPerMillion)
                || Double.isNaN(outputPerMillion)) {
            throw new IllegalArgumentException("prices cannot be negative");
        }
    }

    /** Kong's formula: (prompt x input cost + completion x output cost) / 1,000,000. */
    public double costOf(Usage usage) {
        return (usage.promptTokens() * inputPerMillion + usage.completionTokens() * outputPerMillion) / 1_000_000;
    }
}
