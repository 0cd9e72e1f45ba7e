package dev.aigateway.adapters.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The streams being written to clients: one scheduler thread sends their heartbeats, and a shutdown ends those
 * still running when its grace period is over.
 */
final class OpenStreams {
    private final ScheduledExecutorService scheduler;
    private final long heartbeatNanos;
    private final Set<SseStream> open = ConcurrentHashMap.newKeySet();

    /**
     * One platform thread writes heartbeats for every open stream (a few bytes each) and ends them at shutdown. A
     * stream's heartbeat cancelled when it ends is dropped at once rather than kept until it was next due.
     */
    static ScheduledThreadPoolExecutor scheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "sse-heartbeats");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    OpenStreams(ScheduledExecutorService scheduler, Duration heartbeat) {
        this.scheduler = scheduler;
        this.heartbeatNanos = heartbeat.toNanos();
    }

    long heartbeatNanos() {
        return heartbeatNanos;
    }

    /** Registers a stream that started; runs {@code beat} every heartbeat interval until it is cancelled. */
    ScheduledFuture<?> opened(SseStream stream, Runnable beat) {
        open.add(stream);
        return scheduler.scheduleWithFixedDelay(beat, heartbeatNanos, heartbeatNanos, TimeUnit.NANOSECONDS);
    }

    void closed(SseStream stream) {
        open.remove(stream);
    }

    /** How many streams are being written to clients now. */
    int count() {
        return open.size();
    }

    /** After {@code grace}, ends every stream still running with a shutdown error event (and no {@code [DONE]}). */
    void endAllAfter(Duration grace) {
        scheduler.schedule(() -> open.forEach(SseStream::endForShutdown), grace.toNanos(), TimeUnit.NANOSECONDS);
    }
}
