package dev.aigateway.adapters.http;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The schedule for SSE heartbeats: one scheduler thread for every open stream. */
final class Heartbeats {
    private final ScheduledExecutorService scheduler;
    private final long intervalNanos;

    Heartbeats(ScheduledExecutorService scheduler, Duration interval) {
        this.scheduler = scheduler;
        this.intervalNanos = interval.toNanos();
    }

    long intervalNanos() {
        return intervalNanos;
    }

    /** Runs {@code beat} every interval until the returned future is cancelled. */
    ScheduledFuture<?> every(Runnable beat) {
        return scheduler.scheduleWithFixedDelay(beat, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
    }
}
