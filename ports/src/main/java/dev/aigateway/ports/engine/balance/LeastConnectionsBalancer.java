package dev.aigateway.ports.engine.balance;

import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;

/** Picks the target with the fewest requests in flight relative to its weight. */
public final class LeastConnectionsBalancer implements Balancer {
    private final int[] weights;
    private final AtomicIntegerArray inFlight;

    public LeastConnectionsBalancer(int[] weights) {
        this.weights = weights.clone();
        this.inFlight = new AtomicIntegerArray(weights.length);
    }

    @Override
    public int pick(Set<Integer> excluded, String key) {
        int best = -1;
        double bestLoad = Double.MAX_VALUE;
        for (int i = 0; i < weights.length; i++) {
            double load = (double) inFlight.get(i) / weights[i];
            if (!excluded.contains(i) && load < bestLoad) {
                best = i;
                bestLoad = load;
            }
        }
        return best;
    }

    @Override
    public void started(int target) {
        inFlight.incrementAndGet(target);
    }

    @Override
    public void finished(int target, TargetFeedback feedback) {
        inFlight.decrementAndGet(target);
    }
}
