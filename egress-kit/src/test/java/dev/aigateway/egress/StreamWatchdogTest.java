package dev.aigateway.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamWatchdogTest {
    private final ScheduledThreadPoolExecutor scheduler = StreamWatchdog.scheduler();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aStreamThatEndedLeavesNoCheckBehindToHoldItsConnection() {
        for (int i = 0; i < 1000; i++) {
            new StreamWatchdog(scheduler, Duration.ofMinutes(1), Duration.ofMinutes(10), () -> { }).close();
        }

        assertThat(scheduler.getQueue()).isEmpty();
    }

    @Test
    void aSilentStreamIsAbortedAfterTheIdleTimeout() throws Exception {
        CountDownLatch aborted = new CountDownLatch(1);
        try (StreamWatchdog watchdog = new StreamWatchdog(scheduler, Duration.ofMillis(50), Duration.ofMinutes(1),
                aborted::countDown)) {
            assertThat(aborted.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(watchdog.firedReason()).contains("went silent");
        }
    }

    @Test
    void readsKeepAStreamAliveUntilItsTotalTimeRunsOut() throws Exception {
        CountDownLatch aborted = new CountDownLatch(1);
        try (StreamWatchdog watchdog = new StreamWatchdog(scheduler, Duration.ofMillis(200), Duration.ofMillis(600),
                aborted::countDown)) {
            InputStream body = watchdog.watch(new ByteArrayInputStream(new byte[100]));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (aborted.getCount() > 0 && System.nanoTime() < deadline) {
                body.read();
                Thread.sleep(20);
            }
            assertThat(watchdog.firedReason()).isEqualTo("ran past its total time");
        }
    }
}
