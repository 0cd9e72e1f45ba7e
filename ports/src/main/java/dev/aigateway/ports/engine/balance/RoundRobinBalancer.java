package dev.aigateway.ports.engine.balance;

import java.util.Set;

/**
 * Smooth weighted round-robin (nginx's): each pick raises every target's score by its weight and lowers the
 * winner's by the total, so shares follow the weights and a heavy target's turns are spread out.
 */
public final class RoundRobinBalancer implements Balancer {
    private final int[] weights;
    private final long[] scores;

    public RoundRobinBalancer(int[] weights) {
        this.weights = weights.clone();
        this.scores = new long[weights.length];
    }

    @Override
    public synchronized int pick(Set<Integer> excluded, String key) {
        int best = -1;
        long total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (excluded.contains(i)) {
                continue;
            }
            scores[i] += weights[i];
            total += weights[i];
            if (best < 0 || scores[i] > scores[best]) {
                best = i;
            }
        }
        if (best >= 0) {
            scores[best] -= total;
        }
        return best;
    }
}
