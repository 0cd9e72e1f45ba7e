package dev.aigateway.ports.engine.balance;

import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Picks the target with the lowest peak-EWMA latency: time per output token ({@code tpot}) or end-to-end
 * ({@code e2e}). A slower sample counts at once (the peak), faster ones only gradually; a target without samples
 * is tried first, and a small share of picks goes to a random target so a recovered one is noticed.
 */
public final class LowestLatencyBalancer implements Balancer {
    private static final double DECAY = 0.8;
    private static final double EXPLORATION = 0.03;

    private final double[] ewmaMillis;
    private final boolean timePerToken;
    private final RandomGenerator random;

    public LowestLatencyBalancer(int targets, boolean timePerToken, RandomGenerator random) {
        this.ewmaMillis = new double[targets];
        this.timePerToken = timePerToken;
        this.random = random;
    }

    @Override
    public synchronized int pick(Set<Integer> excluded, String key) {
        int allowed = ewmaMillis.length - (int) excluded.stream().filter(i -> i < ewmaMillis.length).count();
        if (allowed <= 0) {
            return -1;
        }
        if (allowed > 1 && random.nextDouble() < EXPLORATION) {
            int skip = random.nextInt(allowed);
            for (int i = 0; i < ewmaMillis.length; i++) {
                if (!excluded.contains(i) && skip-- == 0) {
                    return i;
                }
            }
        }
        int best = -1;
        for (int i = 0; i < ewmaMillis.length; i++) {
            if (!excluded.contains(i) && (best < 0 || ewmaMillis[i] < ewmaMillis[best])) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public synchronized void finished(int target, TargetFeedback feedback) {
        if (!feedback.succeeded()) {
            return;
        }
        double sample = sampleMillis(feedback);
        double current = ewmaMillis[target];
        ewmaMillis[target] = current == 0 || sample > current ? sample : current * DECAY + sample * (1 - DECAY);
    }

    private double sampleMillis(TargetFeedback feedback) {
        double total = feedback.latency().toNanos() / 1e6;
        if (!timePerToken) {
            return total;
        }
        int tokens = feedback.usage().map(u -> u.completionTokens()).orElse(0);
        double generating = total - feedback.timeToFirstToken().map(t -> t.toNanos() / 1e6).orElse(0.0);
        return tokens > 0 ? generating / tokens : total;
    }
}
