package dev.aigateway.ports.engine.balance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The circuit breaker: out after max_fails within fail_timeout, back after one successful probe. */
class TargetHealthTest {
    private static final long WINDOW = 10_000;

    @Test
    void opensAfterMaxFailsWithinTheWindowAndAProbeClosesIt() {
        TargetHealth health = new TargetHealth(3, WINDOW);
        health.failed(0);
        health.failed(100);
        assertThat(health.admit(200)).isTrue();
        health.failed(200);

        assertThat(health.admit(300)).as("open").isFalse();
        assertThat(health.admit(WINDOW + 300)).as("the one probe").isTrue();
        assertThat(health.admit(WINDOW + 301)).as("no second request while probing").isFalse();
        health.succeeded();
        assertThat(health.admit(WINDOW + 302)).as("closed").isTrue();
    }

    @Test
    void aFailedProbeOpensItAgain() {
        TargetHealth health = new TargetHealth(1, WINDOW);
        health.failed(0);
        assertThat(health.admit(WINDOW)).isTrue();
        health.failed(WINDOW);
        assertThat(health.admit(WINDOW + 1)).isFalse();
        assertThat(health.admit(2 * WINDOW + 1)).isTrue();
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        TargetHealth health = new TargetHealth(2, WINDOW);
        health.failed(0);
        health.failed(WINDOW + 1);
        assertThat(health.admit(WINDOW + 2)).isTrue();
    }

    @Test
    void zeroMaxFailsTurnsTheBreakerOff() {
        TargetHealth health = new TargetHealth(0, WINDOW);
        for (int i = 0; i < 100; i++) {
            health.failed(i);
        }
        assertThat(health.admit(100)).isTrue();
    }

    @Test
    void aRetryAfterKeepsTheTargetOutUntilThen() {
        TargetHealth health = new TargetHealth(0, WINDOW);
        health.skipUntil(500);
        assertThat(health.admit(499)).isFalse();
        assertThat(health.admit(500)).isTrue();
    }
}
