package dev.aigateway.egress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.ports.ScheduledByHand;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamWatchdogTest {
    private final ScheduledThreadPoolExecutor scheduler = StreamWatchdog.Checks.scheduler();
    private final StreamWatchdog.Checks checks = new StreamWatchdog.Checks(scheduler);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void streamsShareOnePeriodicCheckAndAStreamThatEndedLeavesNothingBehindToHoldItsConnection() {
        for (int i = 0; i < 1000; i++) {
            StreamWatchdog watchdog = checks.watch(Duration.ofMinutes(1), Duration.ofMinutes(10), () -> { });
            assertThat(scheduler.getQueue()).as("no timer of its own").hasSize(1);
            watchdog.close();
        }

        assertThat(checks.count()).isZero();
    }

    @Test
    void aSilentStreamIsAbortedAfterTheIdleTimeout() throws Exception {
        CountDownLatch aborted = new CountDownLatch(1);
        try (StreamWatchdog watchdog = checks.watch(Duration.ofMillis(50), Duration.ofMinutes(1),
                aborted::countDown)) {
            assertThat(aborted.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(watchdog.firedReason()).contains("went silent");
            assertThat(checks.count()).as("checked no more once fired").isZero();
        }
    }

    @Test
    void readsKeepAStreamAliveUntilItsTotalTimeRunsOut() throws Exception {
        CountDownLatch aborted = new CountDownLatch(1);
        try (StreamWatchdog watchdog = checks.watch(Duration.ofMillis(200), Duration.ofMillis(600),
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

    @Test
    void anAbortThatThrowsLeavesTheOtherStreamsChecked() throws Exception {
        checks.watch(Duration.ofMillis(10), Duration.ofMinutes(1), () -> {
            throw new IllegalStateException("the connection would not close");
        });
        Thread.sleep(250); // the failing abort has run by now
        CountDownLatch aborted = new CountDownLatch(1);
        try (StreamWatchdog watchdog = checks.watch(Duration.ofMillis(50), Duration.ofMinutes(1),
                aborted::countDown)) {
            assertThat(aborted.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aLimitIsNoticedAtTheFirstLookAfterItAndTheLooksComeTenTimesASecond() throws InterruptedException {
        ScheduledByHand byHand = new ScheduledByHand();
        CountDownLatch aborted = new CountDownLatch(1);
        Duration idle = Duration.ofMillis(200);
        StreamWatchdog watchdog = new StreamWatchdog.Checks(byHand).watch(idle, Duration.ofMinutes(1),
                aborted::countDown);

        byHand.runPeriodicTask();
        assertThat(aborted.getCount()).as("not silent for the idle timeout yet").isOne();
        Thread.sleep(idle.toMillis());
        byHand.runPeriodicTask();

        assertThat(aborted.getCount()).isZero();
        assertThat(watchdog.firedReason()).contains("went silent");
        assertThat(byHand.period()).as("so a limit is noticed at most 0.1 s late")
                .isEqualTo(Duration.ofMillis(100));
        byHand.shutdownNow();
    }
}
