package dev.aigateway.egress;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Ends a streamed answer whose upstream went silent for too long, or ran past its total time, by aborting the
 * connection from a scheduler thread: a blocked read cannot be interrupted otherwise. One check is scheduled at a
 * time, at the earliest moment a limit could be reached, so a busy stream costs one timestamp per read.
 */
final class StreamWatchdog implements AutoCloseable {
    private final ScheduledExecutorService scheduler;
    private final long idleNanos;
    private final long deadlineNanos;
    private final Runnable abort;
    private final LongSupplier clock;
    private volatile long lastActivity;
    private volatile String firedReason;
    private ScheduledFuture<?> check;
    private boolean closed;

    /**
     * One platform thread checks every stream's idle and total timeouts; the checks are rare and short. A check
     * cancelled by a stream that ended is dropped at once: kept until its delay (the idle timeout), each would hold
     * its stream's connection, thousands of them under load.
     */
    static ScheduledThreadPoolExecutor scheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "upstream-stream-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    StreamWatchdog(ScheduledExecutorService scheduler, Duration idle, Duration total, Runnable abort) {
        this.scheduler = scheduler;
        this.idleNanos = idle.toNanos();
        this.clock = System::nanoTime;
        this.lastActivity = clock.getAsLong();
        this.deadlineNanos = lastActivity + total.toNanos();
        this.abort = abort;
        schedule(Math.min(idleNanos, total.toNanos()));
    }

    /** The body, counting every successful read as a sign of life. */
    InputStream watch(InputStream body) {
        return new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                int read = super.read();
                lastActivity = clock.getAsLong();
                return read;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                lastActivity = clock.getAsLong();
                return read;
            }
        };
    }

    /** Why the stream was ended, if the watchdog ended it. */
    String firedReason() {
        return firedReason;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (check != null) {
            check.cancel(false);
        }
    }

    private synchronized void schedule(long delayNanos) {
        if (closed) {
            return;
        }
        check = scheduler.schedule(this::check, Math.max(delayNanos, 0), TimeUnit.NANOSECONDS);
    }

    private void check() {
        long now = clock.getAsLong();
        if (now >= deadlineNanos) {
            fire("ran past its total time");
        } else if (now - lastActivity >= idleNanos) {
            fire("went silent for longer than the stream idle timeout");
        } else {
            schedule(Math.min(lastActivity + idleNanos, deadlineNanos) - now);
        }
    }

    private void fire(String reason) {
        firedReason = reason;
        abort.run();
    }
}
