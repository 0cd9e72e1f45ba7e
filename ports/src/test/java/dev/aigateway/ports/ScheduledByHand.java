package dev.aigateway.ports;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler that runs nothing by itself: it keeps the periodic task it is given, and its period, for a test to run
 * the task by hand and check how often it would have run, without timing a thread.
 */
public final class ScheduledByHand extends ScheduledThreadPoolExecutor {
    private Runnable periodic;
    private Duration period;

    public ScheduledByHand() {
        super(1);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long every, TimeUnit unit) {
        periodic = task;
        period = Duration.ofNanos(unit.toNanos(every));
        return null;
    }

    /** Runs the periodic task once, now. */
    public void runPeriodicTask() {
        periodic.run();
    }

    /** How often the periodic task was asked to run. */
    public Duration period() {
        return period;
    }
}
