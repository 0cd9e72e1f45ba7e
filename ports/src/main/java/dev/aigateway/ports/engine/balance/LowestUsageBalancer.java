package dev.aigateway.ports.engine.balance;

import dev.aigateway.domain.Usage;
import dev.aigateway.domain.route.BalancerSettings.UsageMetric;
import java.util.Set;

/** Picks the target that has used the least so far (tokens of a kind, or cost) relative to its weight. */
public final class LowestUsageBalancer implements Balancer {
    private final int[] weights;
    private final double[] used;
    private final UsageMetric metric;

    public LowestUsageBalancer(int[] weights, UsageMetric metric) {
        this.weights = weights.clone();
        this.used = new double[weights.length];
        this.metric = metric;
    }

    @Override
    public synchronized int pick(Set<Integer> excluded, String key) {
        int best = -1;
        for (int i = 0; i < weights.length; i++) {
            if (!excluded.contains(i) && (best < 0 || used[i] / weights[i] < used[best] / weights[best])) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public synchronized void finished(int target, TargetFeedback feedback) {
        used[target] += switch (metric) {
            case TOTAL_TOKENS -> feedback.usage().map(Usage::totalTokens).orElse(0);
            case PROMPT_TOKENS -> feedback.usage().map(Usage::promptTokens).orElse(0);
            case COMPLETION_TOKENS -> feedback.usage().map(Usage::completionTokens).orElse(0);
            case COST -> feedback.cost().orElse(0.0);
        };
    }
}
