package dev.aigateway.adapters.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The streams being written to clients: one scheduler thread looks over them a few times per heartbeat interval and
 * sends a heartbeat to the quiet ones, and a shutdown ends those still running when its grace period is over.
 */
final class OpenStreams {
    /**
     * How many times per heartbeat interval the streams are looked over: a quiet stream's heartbeat goes out between
     * one interval and a quarter more after its last write.
     */
    private static final int LOOKS_PER_HEARTBEAT = 4;

    private final ScheduledExecutorService scheduler;
    private final long heartbeatNanos;
    private final Set<SseStream> open = ConcurrentHashMap.newKeySet();

    /** The one platform thread that writes heartbeats (a few bytes each) and ends streams at shutdown. */
    static ScheduledThreadPoolExecutor scheduler() {
        return new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "sse-heartbeats");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * One periodic look over every open stream rather than a timer per stream: scheduling and cancelling a timer for
     * each stream of a few milliseconds woke the scheduler thread once per stream (3 % of the CPU at 32 connections).
     */
    OpenStreams(ScheduledExecutorService scheduler, Duration heartbeat) {
        this.scheduler = scheduler;
        this.heartbeatNanos = heartbeat.toNanos();
        long look = Math.max(heartbeatNanos / LOOKS_PER_HEARTBEAT, 1);
        scheduler.scheduleAtFixedRate(this::beatQuietStreams, look, look, TimeUnit.NANOSECONDS);
    }

    long heartbeatNanos() {
        return heartbeatNanos;
    }

    /** Registers a stream that started, for heartbeats and for shutdown. */
    void opened(SseStream stream) {
        open.add(stream);
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

    private void beatQuietStreams() {
        for (SseStream stream : open) {
            try {
                stream.beatIfQuiet();
            } catch (RuntimeException e) {
                // One stream's failure must not end the periodic look: a task that throws is never run again.
            }
        }
    }
}
