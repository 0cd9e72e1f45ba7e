package dev.aigateway.adapters.http;

import dev.aigateway.domain.error.ClientGoneException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One server-sent-events response being written to a client: events framed as OpenAI writes them, one writer at a
 * time (chunks come from the provider's thread, heartbeats from the scheduler's), a comment line when it has been
 * quiet, and one end: {@code data: [DONE]} when complete, an error event when not.
 */
final class SseStream {
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final OpenStreams streams;
    private final ClientCancellation cancellation;
    private final ReentrantLock writing = new ReentrantLock();
    private volatile long lastWriteNanos = System.nanoTime();
    private volatile boolean closed;
    private volatile boolean clientGone;
    private volatile boolean endingForShutdown;

    SseStream(OutputStream out, OpenStreams streams, ClientCancellation cancellation) {
        this.out = out;
        this.streams = streams;
        this.cancellation = cancellation;
        streams.opened(this);
    }

    /** Starts the response as an event stream (its headers already set) and registers it for heartbeats. */
    static SseStream open(ServerResponse response, OpenStreams streams, ClientCancellation cancellation) {
        response.status(200);
        response.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
        response.header(HeaderNames.CACHE_CONTROL, "no-cache");
        return new SseStream(response.outputStream(), streams, cancellation);
    }

    /** Writes one event; it leaves with the next flush, or at once when {@code flush}. */
    void event(byte[] json, boolean flush) {
        // The parts go to the buffered response stream one after the other: no frame is assembled per event.
        write(flush, DATA, json, EVENT_END);
    }

    void flush() {
        write(true);
    }

    /**
     * Ends a complete stream. Closing without a flush lets the server send what is still buffered with the end of
     * the answer: a stream that came in one read leaves in one write, with a length instead of chunks, where a flush
     * first would cost three (headers, the chunk, the last chunk).
     */
    void done() {
        write(false, DONE);
        close();
    }

    /** Ends a stream that broke: an error event and no {@code [DONE]}, so clients can tell it is incomplete. */
    void fail(byte[] envelope) {
        try {
            event(envelope, false);
        } catch (ClientGoneException ignored) {
            // Nobody is left to tell.
        }
        close();
    }

    /** Whether a shutdown is what ended this stream. */
    boolean endingForShutdown() {
        return endingForShutdown;
    }

    /** Ends this stream for a shutdown: the upstream call is aborted, and the client will be told why. */
    void endForShutdown() {
        endingForShutdown = true;
        cancellation.cancel();
    }

    /** Unregisters and closes the stream; the first call does it, later ones find it done. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        streams.closed(this);
        writing.lock();
        try {
            out.close();
        } catch (IOException | RuntimeException ignored) {
            // The connection is gone already; nothing is lost that the client still wanted.
        } finally {
            writing.unlock();
        }
    }

    /**
     * A comment line when nothing was written for a heartbeat interval: clients ignore it, and writing it is how a
     * departed client shows, so the upstream call can be dropped without waiting for its next chunk.
     */
    void beatIfQuiet() {
        if (closed || clientGone || System.nanoTime() - lastWriteNanos < streams.heartbeatNanos()) {
            return;
        }
        try {
            write(true, HEARTBEAT);
        } catch (ClientGoneException e) {
            clientGone = true;
            cancellation.cancel();
        }
    }

    private void write(boolean flush, byte[]... parts) {
        writing.lock();
        try {
            for (byte[] part : parts) {
                out.write(part);
            }
            if (flush) {
                out.flush();
            }
            lastWriteNanos = System.nanoTime();
        } catch (IOException | RuntimeException e) {
            // Whatever the socket layer throws on a write, the client is no longer there to read.
            throw new ClientGoneException(e);
        } finally {
            writing.unlock();
        }
    }
}
