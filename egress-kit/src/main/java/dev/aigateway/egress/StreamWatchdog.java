package dev.aigateway.egress;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Ends a streamed answer whose upstream went silent for too long, or ran past its total time, by aborting the
 * connection from a scheduler thread: a blocked read cannot be interrupted otherwise. A busy stream costs one
 * timestamp per read; the checks are its {@link Checks}' periodic look over every stream being read.
 */
final class StreamWatchdog implements AutoCloseable {
    private final Checks checks;
    private final long idleNanos;
    private final long deadlineNanos;
    private final Runnable abort;
    private volatile long lastActivity;
    private volatile String firedReason;

    private StreamWatchdog(Checks checks, Duration idle, Duration total, Runnable abort) {
        this.checks = checks;
        this.idleNanos = idle.toNanos();
        this.lastActivity = System.nanoTime();
        this.deadlineNanos = lastActivity + total.toNanos();
        this.abort = abort;
    }

    /** The body, counting every successful read as a sign of life. */
    InputStream watch(InputStream body) {
        return new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                int read = super.read();
                lastActivity = System.nanoTime();
                return read;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                lastActivity = System.nanoTime();
                return read;
            }
        };
    }

    /** Why the stream was ended, if the watchdog ended it. */
    String firedReason() {
        return firedReason;
    }

    @Override
    public void close() {
        checks.watched.remove(this);
    }

    /** The limit this stream has reached by {@code now}, if any. */
    private String limitReachedAt(long now) {
        if (now >= deadlineNanos) {
            return "ran past its total time";
        }
        return now - lastActivity >= idleNanos ? "went silent for longer than the stream idle timeout" : null;
    }

    private void fire(String reason) {
        firedReason = reason;
        abort.run();
    }

    /**
     * The streams one provider is reading, looked over by one platform thread every {@link #RESOLUTION}: a limit
     * is noticed up to that much late. One periodic look rather than a timer per stream, because scheduling and
     * cancelling a timer for each stream of a few milliseconds woke the scheduler thread once per stream.
     */
    static final class Checks {
        private static final Duration RESOLUTION = Duration.ofMillis(100);

        private final Set<StreamWatchdog> watched = ConcurrentHashMap.newKeySet();

        Checks(ScheduledExecutorService scheduler) {
            scheduler.scheduleAtFixedRate(this::lookOver, RESOLUTION.toNanos(), RESOLUTION.toNanos(),
                    TimeUnit.NANOSECONDS);
        }

        /** Checks on a platform thread of their own, for as long as the process lives. */
        static Checks onOwnThread() {
            return new Checks(scheduler());
        }

        static ScheduledThreadPoolExecutor scheduler() {
            return new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "upstream-stream-watchdog");
                thread.setDaemon(true);
                return thread;
            });
        }

        /** Starts watching a stream; {@link StreamWatchdog#close()} stops. */
        StreamWatchdog watch(Duration idle, Duration total, Runnable abort) {
            StreamWatchdog watchdog = new StreamWatchdog(this, idle, total, abort);
            watched.add(watchdog);
            return watchdog;
        }

        /** How many streams are being watched. */
        int count() {
            return watched.size();
        }

        private void lookOver() {
            long now = System.nanoTime();
            for (StreamWatchdog watchdog : watched) {
                String reason = watchdog.limitReachedAt(now);
                if (reason != null) {
                    watched.remove(watchdog);
                    try {
                        watchdog.fire(reason);
                    } catch (RuntimeException e) {
                        // An abort that failed must not end the periodic look: a task that throws never runs again.
                    }
                }
            }
        }
    }
}
