package dev.aigateway.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.error.ClientGoneException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SSE framing, its ends, its heartbeats and its cancellation, on an output stream instead of a socket. */
class SseStreamTest {
    private final ScheduledThreadPoolExecutor scheduler = OpenStreams.scheduler();
    private final OpenStreams streams = new OpenStreams(scheduler, Duration.ofMillis(30));
    private final ByteArrayOutputStream client = new ByteArrayOutputStream();
    private final ClientCancellation cancellation = new ClientCancellation();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void framesEventsAndEndsACompleteStreamWithDone() {
        SseStream stream = new SseStream(client, streams, cancellation);

        stream.event(bytes("{\"a\":1}"), false);
        stream.event(bytes("{\"b\":2}"), true);
        stream.done();

        assertThat(written()).isEqualTo("data: {\"a\":1}\n\ndata: {\"b\":2}\n\ndata: [DONE]\n\n");
        assertThat(streams.count()).isZero();
    }

    @Test
    void theEndLeavesWithTheCloseAndNoFlushOfItsOwnSoAStreamInOneReadLeavesInOneWrite() {
        List<String> calls = new ArrayList<>();
        OutputStream server = new OutputStream() {
            @Override
            public void write(int b) {
                if (calls.isEmpty() || !calls.getLast().equals("write")) {
                    calls.add("write");
                }
            }

            @Override
            public void flush() {
                calls.add("flush");
            }

            @Override
            public void close() {
                calls.add("close");
            }
        };
        SseStream stream = new SseStream(server, streams, cancellation);

        stream.event(bytes("{\"a\":1}"), false);
        stream.done();

        assertThat(calls).containsExactly("write", "close");
    }

    @Test
    void endsABrokenStreamWithAnErrorEventAndNoDone() {
        SseStream stream = new SseStream(client, streams, cancellation);

        stream.event(bytes("{\"a\":1}"), true);
        stream.fail(bytes("{\"error\":{\"message\":\"cut\"}}"));

        assertThat(written()).isEqualTo("data: {\"a\":1}\n\ndata: {\"error\":{\"message\":\"cut\"}}\n\n");
        assertThat(streams.count()).isZero();
    }

    @Test
    void sendsAHeartbeatWhenQuietAndNotWhileEventsFlow() throws Exception {
        SseStream stream = new SseStream(client, streams, cancellation);
        assertThat(streams.count()).isEqualTo(1);

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!written().contains(": keep-alive") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        stream.close();

        assertThat(written()).startsWith(": keep-alive\n\n");
    }

    @Test
    void aHeartbeatThatFindsTheClientGoneAbortsTheUpstream() throws Exception {
        CountDownLatch aborted = new CountDownLatch(1);
        cancellation.onCancel(aborted::countDown);
        SseStream stream = new SseStream(new Gone(), streams, cancellation);

        assertThat(aborted.await(5, TimeUnit.SECONDS)).as("the provider's abort ran").isTrue();
        stream.close();
    }

    @Test
    void anAbortThatThrowsLeavesTheOtherStreamsHeartbeats() throws Exception {
        ClientCancellation failing = new ClientCancellation();
        failing.onCancel(() -> {
            throw new IllegalStateException("the provider's abort failed");
        });
        SseStream departed = new SseStream(new Gone(), streams, failing);
        Thread.sleep(100); // several looks, each meeting the failing abort first or after
        SseStream quiet = new SseStream(client, streams, cancellation);

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!written().contains(": keep-alive") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        departed.close();
        quiet.close();

        assertThat(written()).startsWith(": keep-alive\n\n");
    }

    @Test
    void aWriteToADepartedClientSaysSo() {
        SseStream stream = new SseStream(new Gone(), streams, cancellation);

        assertThatThrownBy(() -> stream.event(bytes("{}"), true)).isInstanceOf(ClientGoneException.class);
        stream.close();
    }

    @Test
    void aShutdownAbortsTheUpstreamAndIsRemembered() {
        CountDownLatch aborted = new CountDownLatch(1);
        SseStream stream = new SseStream(client, streams, cancellation);
        cancellation.onCancel(aborted::countDown);

        stream.endForShutdown();

        assertThat(aborted.getCount()).isZero();
        assertThat(stream.endingForShutdown()).isTrue();
        stream.close();
    }

    @Test
    void anAbortRegisteredAfterTheCancellationRunsAtOnce() {
        cancellation.cancel();
        CountDownLatch aborted = new CountDownLatch(1);

        cancellation.onCancel(aborted::countDown);

        assertThat(aborted.getCount()).isZero();
    }

    private String written() {
        synchronized (client) {
            return client.toString(StandardCharsets.UTF_8);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A client that has left: every write fails as a reset socket's does. */
    private static final class Gone extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("connection reset");
        }
    }
}
