package dev.aigateway.ports.engine.balance;

import java.util.HashSet;
import java.util.Set;

/**
 * Tiers by weight, as Kong does: every request goes to the highest-weight tier that has a target left, round-robin
 * within it; a lower tier gets traffic only while every target above it is out or already tried.
 */
public final class PriorityBalancer implements Balancer {
    private final int[] weights;
    private final RoundRobinBalancer withinTier;

    public PriorityBalancer(int[] weights) {
        this.weights = weights.clone();
        int[] equal = new int[weights.length];
        java.util.Arrays.fill(equal, 1);
        this.withinTier = new RoundRobinBalancer(equal);
    }

    @Override
    public int pick(Set<Integer> excluded, String key) {
        int top = -1;
        for (int i = 0; i < weights.length; i++) {
            if (!excluded.contains(i)) {
                top = Math.max(top, weights[i]);
            }
        }
        if (top < 0) {
            return -1;
        }
        Set<Integer> outsideTier = new HashSet<>(excluded);
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] != top) {
                outsideTier.add(i);
            }
        }
        return withinTier.pick(outsideTier, key);
    }
}
