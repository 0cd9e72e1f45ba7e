package dev.aigateway.domain.route;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a route spreads requests over its targets and recovers from their failures (Kong's {@code balancer}).
 *
 * @param retries how many other targets a failed request may move to
 * @param failoverCriteria which failures move it
 * @param hashOnHeader the request header whose value {@code consistent-hashing} hashes
 * @param latencyByTimePerToken for {@code lowest-latency}: time per output token ({@code tpot}) rather than
 *     end-to-end latency ({@code e2e})
 * @param usageMetric for {@code lowest-usage}: what accumulates
 * @param maxFails failures within {@code failTimeout} that take a target out; 0 turns the breaker off
 * @param failTimeout the breaker's window, and how long a target stays out
 * @param semantic what the {@code semantic} algorithm embeds with, when it is the algorithm
 */
public record BalancerSettings(BalancerAlgorithm algorithm, int retries, Set<FailoverCriterion> failoverCriteria,
                               Optional<String> hashOnHeader, boolean latencyByTimePerToken, UsageMetric usageMetric,
                               int maxFails, Duration failTimeout, Optional<SemanticSettings> semantic) {

    /** What {@code lowest-usage} counts (Kong's {@code tokens_count_strategy}). */
    public enum UsageMetric { TOTAL_TOKENS, PROMPT_TOKENS, COMPLETION_TOKENS, COST }

    public BalancerSettings {
        Objects.requireNonNull(algorithm, "algorithm");
        if (retries < 0 || maxFails < 0) {
            throw new IllegalArgumentException("retries and max_fails cannot be negative");
        }
        failoverCriteria = failoverCriteria.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(failoverCriteria));
        Objects.requireNonNull(hashOnHeader, "hashOnHeader");
        Objects.requireNonNull(usageMetric, "usageMetric");
        Objects.requireNonNull(failTimeout, "failTimeout");
        Objects.requireNonNull(semantic, "semantic");
        if (algorithm == BalancerAlgorithm.SEMANTIC && semantic.isEmpty()) {
            throw new IllegalArgumentException("the semantic algorithm needs its embeddings settings");
        }
    }

    /**
     * The listed criteria that can never move a request: all but {@code error} are about a request the upstream
     * received, which moves on only with {@code non_idempotent} (every LLM request is a POST), as in Kong.
     */
    public Set<FailoverCriterion> criteriaThatCannotFire() {
        if (failoverCriteria.contains(FailoverCriterion.NON_IDEMPOTENT)) {
            return Set.of();
        }
        Set<FailoverCriterion> idle = EnumSet.noneOf(FailoverCriterion.class);
        failoverCriteria.stream().filter(criterion -> criterion != FailoverCriterion.ERROR).forEach(idle::add);
        return idle;
    }

    /** Kong's defaults for an algorithm other than semantic: 5 retries on error and timeout, the breaker off. */
    public static BalancerSettings defaults(BalancerAlgorithm algorithm) {
        return new BalancerSettings(algorithm, 5, Set.of(FailoverCriterion.ERROR, FailoverCriterion.TIMEOUT),
                Optional.empty(), true, UsageMetric.TOTAL_TOKENS, 0, Duration.ofSeconds(10), Optional.empty());
    }
}
