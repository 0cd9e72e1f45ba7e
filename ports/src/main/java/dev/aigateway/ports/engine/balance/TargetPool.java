package dev.aigateway.ports.engine.balance;

import dev.aigateway.domain.route.BalancerSettings;
import dev.aigateway.domain.route.RouteTarget;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A route's targets as the balancer sees them: its algorithm, and each target's health. State lives in this
 * gateway instance's memory; instances behind a load balancer balance independently.
 */
public final class TargetPool {
    private final Balancer balancer;
    private final TargetHealth[] health;
    private final LongSupplier nanoClock;

    public TargetPool(List<RouteTarget> targets, BalancerSettings settings, LongSupplier nanoClock) {
        this(targets, settings, nanoClock, null);
    }

    /** A pool whose {@code semantic} algorithm uses {@code semantic}; other algorithms ignore it. */
    public TargetPool(List<RouteTarget> targets, BalancerSettings settings, LongSupplier nanoClock,
                      SemanticBalancer semantic) {
        int[] weights = targets.stream().mapToInt(RouteTarget::weight).toArray();
        this.balancer = switch (settings.algorithm()) {
            case ROUND_ROBIN -> new RoundRobinBalancer(weights);
            case SEMANTIC -> Objects.requireNonNull(semantic, "semantic routing needs its index");
            case CONSISTENT_HASHING -> new ConsistentHashBalancer(weights);
            case LEAST_CONNECTIONS -> new LeastConnectionsBalancer(weights);
            case LOWEST_LATENCY -> new LowestLatencyBalancer(weights.length, settings.latencyByTimePerToken(),
                    new Random());
            case LOWEST_USAGE -> new LowestUsageBalancer(weights, settings.usageMetric());
            case PRIORITY -> new PriorityBalancer(weights);
        };
        this.health = new TargetHealth[targets.size()];
        for (int i = 0; i < health.length; i++) {
            health[i] = new TargetHealth(settings.maxFails(), settings.failTimeout().toNanos());
        }
        this.nanoClock = nanoClock;
    }

    /** The next target to try, not one of {@code tried} and not out; -1 when there is none. */
    public int next(Set<Integer> tried, String key) {
        long now = nanoClock.getAsLong();
        Set<Integer> excluded = new HashSet<>(tried);
        while (true) {
            int pick = balancer.pick(excluded, key);
            if (pick < 0 || health[pick].admit(now)) {
                return pick;
            }
            excluded.add(pick);
        }
    }

    /** Nanoseconds until the first target that is out can take requests again. */
    public long nanosUntilAvailable() {
        long now = nanoClock.getAsLong();
        long soonest = Long.MAX_VALUE;
        for (TargetHealth target : health) {
            soonest = Math.min(soonest, target.availableAt(now) - now);
        }
        return Math.max(soonest, 0);
    }

    public void started(int target) {
        balancer.started(target);
    }

    public void succeeded(int target, TargetFeedback feedback) {
        health[target].succeeded();
        balancer.finished(target, feedback);
    }

    public void failed(int target, TargetFeedback feedback, long retryAfterNanos) {
        long now = nanoClock.getAsLong();
        health[target].failed(now);
        // A lone target stays in: skipping it would only turn the upstream's 429s into the gateway's 503s.
        if (retryAfterNanos > 0 && health.length > 1) {
            health[target].skipUntil(now + retryAfterNanos);
        }
        balancer.finished(target, feedback);
    }
}
