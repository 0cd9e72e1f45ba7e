package dev.aigateway.domain.access;

import dev.aigateway.domain.ConfigNamed;
import dev.aigateway.domain.Usage;
import java.util.Locale;
import java.util.Optional;

/**
 * What a token limit counts (Kong's {@code tokens_count_strategy}), in whole units: tokens, or millionths of the
 * currency of the route's prices for {@code cost}.
 */
public enum TokenCount implements ConfigNamed {
    TOTAL_TOKENS, PROMPT_TOKENS, COMPLETION_TOKENS, COST;

    /** Units in one unit of a configured {@code cost} limit. */
    public static final long COST_UNITS = 1_000_000;

    @Override
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What these token counts come to; {@code cost} (what they cost) is needed for {@code COST} only. */
    public long units(Usage usage, Optional<Double> cost) {
        return switch (this) {
            case TOTAL_TOKENS -> (long) usage.promptTokens() + usage.completionTokens();
            case PROMPT_TOKENS -> usage.promptTokens();
            case COMPLETION_TOKENS -> usage.completionTokens();
            case COST -> (long) Math.ceil(cost.orElse(0.0) * COST_UNITS);
        };
    }

    /** A number of units as a client reads it in a header: tokens, or the cost in the prices' currency. */
    public String display(long units) {
        return this == COST ? Double.toString((double) units / COST_UNITS) : Long.toString(units);
    }
}
