package dev.aigateway.ports.engine.balance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.domain.Usage;
import dev.aigateway.domain.route.BalancerSettings.UsageMetric;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The balancing algorithms as pure policies: no HTTP, only picks and feedback. */
class BalancerPolicyTest {

    @Test
    void weightedRoundRobinSharesStayWithinTwoPercentOfTheWeights() {
        RoundRobinBalancer balancer = new RoundRobinBalancer(new int[] {1, 2, 7});
        int[] picks = new int[3];
        for (int i = 0; i < 10_000; i++) {
            picks[balancer.pick(Set.of(), null)]++;
        }
        assertThat(picks[0] / 10_000.0).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.02));
        assertThat(picks[1] / 10_000.0).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.02));
        assertThat(picks[2] / 10_000.0).isCloseTo(0.7, org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void roundRobinSkipsExcludedTargetsAndSaysWhenNoneIsLeft() {
        RoundRobinBalancer balancer = new RoundRobinBalancer(new int[] {5, 5});
        for (int i = 0; i < 10; i++) {
            assertThat(balancer.pick(Set.of(0), null)).isEqualTo(1);
        }
        assertThat(balancer.pick(Set.of(0, 1), null)).isEqualTo(-1);
    }

    @Test
    void consistentHashingKeepsKeysInPlaceWhenOneOfFiveTargetsGoes() {
        ConsistentHashBalancer balancer = new ConsistentHashBalancer(new int[] {100, 100, 100, 100, 100});
        Map<String, Integer> before = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            before.put("user-" + i, balancer.pick(Set.of(), "user-" + i));
        }
        int kept = 0;
        int movable = 0;
        for (Map.Entry<String, Integer> key : before.entrySet()) {
            int after = balancer.pick(Set.of(2), key.getKey());
            assertThat(after).isNotEqualTo(2);
            if (key.getValue() != 2) {
                movable++;
                if (after == key.getValue()) {
                    kept++;
                }
            }
        }
        assertThat((double) kept / movable).isGreaterThanOrEqualTo(0.95);
        assertThat(before.values().stream().filter(t -> t == 2).count()).isBetween(1000L, 3000L);
        assertThat(balancer.pick(Set.of(), "user-7")).isEqualTo(before.get("user-7"));
    }

    @Test
    void lowestLatencySendsAtLeastNinetyPercentToATargetFiveTimesFaster() {
        LowestLatencyBalancer balancer = new LowestLatencyBalancer(2, false, new Random(42));
        int[] picks = new int[2];
        for (int i = 0; i < 1000; i++) {
            int target = balancer.pick(Set.of(), null);
            picks[target]++;
            Duration latency = Duration.ofMillis(target == 0 ? 500 : 100);
            balancer.finished(target, new TargetFeedback(true, latency, Optional.empty(), Optional.empty(),
                    Optional.empty()));
        }
        assertThat(picks[1] / 1000.0).isGreaterThanOrEqualTo(0.9);
        assertThat(picks[0]).as("the slower target is still probed now and then").isPositive();
    }

    @Test
    void lowestLatencyByTimePerTokenLooksPastTheFirstToken() {
        LowestLatencyBalancer balancer = new LowestLatencyBalancer(2, true, new Random(1));
        // Target 0: slow to start, fast per token; target 1: quick first token, slow per token.
        balancer.finished(0, feedback(1000, 900, 100));
        balancer.finished(1, feedback(1000, 100, 100));
        int[] picks = new int[2];
        for (int i = 0; i < 200; i++) {
            picks[balancer.pick(Set.of(), null)]++;
        }
        assertThat(picks[0]).isGreaterThan(picks[1]);
    }

    @Test
    void lowestUsagePicksTheTargetThatUsedTheLeastForItsWeight() {
        LowestUsageBalancer balancer = new LowestUsageBalancer(new int[] {100, 200}, UsageMetric.TOTAL_TOKENS);
        balancer.finished(0, usage(1000));
        balancer.finished(1, usage(1500));
        assertThat(balancer.pick(Set.of(), null)).isEqualTo(1);
        balancer.finished(1, usage(1000));
        assertThat(balancer.pick(Set.of(), null)).isEqualTo(0);
    }

    @Test
    void leastConnectionsPicksTheFewestInFlightForTheWeight() {
        LeastConnectionsBalancer balancer = new LeastConnectionsBalancer(new int[] {1, 3});
        balancer.started(1);
        balancer.started(1);
        assertThat(balancer.pick(Set.of(), null)).isEqualTo(0);
        balancer.started(0);
        assertThat(balancer.pick(Set.of(), null)).isEqualTo(1);
        balancer.finished(0, usage(0));
        assertThat(balancer.pick(Set.of(), null)).isEqualTo(0);
    }

    @Test
    void priorityUsesTheNextTierOnlyWhenTheTopTierIsOut() {
        PriorityBalancer balancer = new PriorityBalancer(new int[] {100, 100, 10});
        for (int i = 0; i < 20; i++) {
            assertThat(balancer.pick(Set.of(), null)).isIn(0, 1);
            assertThat(balancer.pick(Set.of(0), null)).isEqualTo(1);
        }
        assertThat(balancer.pick(Set.of(0, 1), null)).isEqualTo(2);
    }

    private static TargetFeedback usage(int tokens) {
        return new TargetFeedback(true, Duration.ofMillis(10), Optional.empty(),
                Optional.of(new Usage(tokens / 2, tokens - tokens / 2, tokens)), Optional.empty());
    }

    private static TargetFeedback feedback(long totalMillis, long firstTokenMillis, int completionTokens) {
        return new TargetFeedback(true, Duration.ofMillis(totalMillis), Optional.of(Duration.ofMillis(firstTokenMillis)),
                Optional.of(new Usage(10, completionTokens, 10 + completionTokens)), Optional.empty());
    }
}
