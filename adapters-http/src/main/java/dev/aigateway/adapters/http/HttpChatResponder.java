package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.error.ClientGoneException;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.route.Route;
import dev.aigateway.ports.ChatResponder;
import dev.aigateway.ports.ChunkSink;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Writes a chat-shaped answer to the client: one JSON body, or OpenAI-style SSE with each chunk flushed as it comes,
 * the optional usage-only chunk, and {@code data: [DONE]} followed by its blank line.
 */
final class HttpChatResponder implements ChatResponder {
    private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerResponse response;
    private final Route route;
    private final OpenAiJson json;
    private final AnswerShape shape;
    private final boolean includeUsage;
    private final ToolCallCounter toolCalls = new ToolCallCounter();
    private final OpenStreams streams;
    private volatile boolean endingForShutdown;
    private volatile boolean closed;
    /** Chunks come from the provider's thread, heartbeats from the scheduler's: one writer at a time. */
    private final ReentrantLock writing = new ReentrantLock();
    private volatile long lastWriteNanos;
    private volatile Runnable abortUpstream = () -> { };
    private volatile ScheduledFuture<?> heartbeat;
    private String streamModel;
    private OutputStream stream;
    private ChatChunk lastChunk;
    private Optional<Usage> usage = Optional.empty();

    private final ExchangeMeter meter;

    HttpChatResponder(ServerResponse response, Route route, OpenAiJson json, AnswerShape shape,
                      boolean includeUsage, OpenStreams streams, ExchangeMeter meter) {
        this.streams = streams;
        this.meter = meter;
        this.response = response;
        this.route = route;
        this.json = json;
        this.shape = shape;
        this.includeUsage = includeUsage;
    }

    @Override
    public void complete(ChatResponse answer) {
        meter.answered(answer.model(), answer.usage());
        meter.answerHeaders(response, answer.model());
        Replies.sendJson(response, 200, json.write(shape.whole().apply(answer)));
    }

    /**
     * Headers wait for the first chunk: until then an upstream failure can still be answered with its own
     * status and a JSON error, instead of an error event inside a 200 stream.
     */
    @Override
    public ChunkSink openStream(String model) {
        streamModel = model;
        meter.streamOpened(model);
        return new ChunkSink() {
            @Override
            public void accept(ChatChunk chunk) {
                send(chunk);
            }

            @Override
            public void flush() {
                flushToClient();
            }

            @Override
            public void whenClientGone(Runnable abort) {
                abortUpstream = abort;
            }
        };
    }

    private void startStream() {
        meter.answerHeaders(response, streamModel);
        response.status(200);
        response.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
        response.header(HeaderNames.CACHE_CONTROL, "no-cache");
        stream = response.outputStream();
        lastWriteNanos = System.nanoTime();
        heartbeat = streams.opened(this, this::beatIfQuiet);
    }

    /**
     * A comment line when nothing was written for a heartbeat interval: clients ignore it, and writing it is how
     * a departed client shows, so the upstream stream can be dropped without waiting for its next chunk.
     */
    private void beatIfQuiet() {
        if (closed || System.nanoTime() - lastWriteNanos < streams.heartbeatNanos()) {
            return;
        }
        try {
            write(HEARTBEAT);
        } catch (ClientGoneException e) {
            heartbeat.cancel(false);
            abortUpstream.run();
        }
    }

    private boolean streaming() {
        return stream != null;
    }

    /**
     * Runs a use case with this responder and ends the answer: a failure before the stream started propagates
     * (to be answered with its own status); one after it ends the stream with an error event.
     */
    void answer(Consumer<ChatResponder> useCase) {
        meter.upstreamStarted();
        try {
            useCase.accept(this);
            finish();
            meter.finish(200, false);
        } catch (GatewayException e) {
            if (!streaming()) {
                meter.finish(OpenAiErrors.reply(e.error()).status(), false);
                throw e;
            }
            fail(endingForShutdown ? new GatewayError.ShuttingDown() : e.error());
            meter.finish(200, true);
        } catch (ClientGoneException e) {
            // The client left mid-stream; the provider has released the upstream stream.
            meter.finish(200, true);
        } finally {
            // However the answer ended, the stream leaves the registry: left there, it would hold its connection
            // and buffers for the life of the process.
            close();
        }
    }

    /** Ends a stream that completed: the usage chunk when asked for, then {@code [DONE]}. */
    private void finish() {
        if (streamModel == null) {
            return;
        }
        if (stream == null) {
            startStream();
        }
        if (includeUsage && usage.isPresent()) {
            writeEvent(shape.usageChunk().apply(lastChunk, usage.get()));
        }
        write(DONE);
        close();
    }

    /** Ends a stream that broke: an error event and no {@code [DONE]}, so clients can tell it is incomplete. */
    private void fail(GatewayError error) {
        try {
            writeEvent(OpenAiErrors.reply(error).envelope());
        } catch (ClientGoneException ignored) {
            // Nobody is left to tell.
        }
        close();
    }

    private void send(ChatChunk chunk) {
        if (stream == null) {
            startStream();
        }
        meter.chunk(chunk);
        lastChunk = chunk;
        if (chunk.usage().isPresent()) {
            usage = chunk.usage();
        }
        writeEvent(shape.chunk().write(chunk, toolCalls, !includeUsage), false);
    }

    private void writeEvent(ObjectNode event) {
        writeEvent(event, true);
    }

    /** Writes one event; unflushed events go out at the provider's next flush, or with the next flushed write. */
    private void writeEvent(ObjectNode event, boolean flush) {
        // The parts go to the buffered response stream one after the other: no frame is assembled per event.
        write(flush, DATA, json.write(event), EVENT_END);
    }

    private void write(byte[] bytes) {
        write(true, bytes);
    }

    private void flushToClient() {
        if (stream != null) {
            write(true);
        }
    }

    private void write(boolean flush, byte[]... parts) {
        writing.lock();
        try {
            for (byte[] part : parts) {
                stream.write(part);
            }
            if (flush) {
                stream.flush();
            }
            lastWriteNanos = System.nanoTime();
        } catch (IOException | RuntimeException e) {
            // Whatever the socket layer throws on a write, the client is no longer there to read.
            throw new ClientGoneException(e);
        } finally {
            writing.unlock();
        }
    }

    /** Ends this stream for a shutdown: the upstream stream is dropped, and the client told why. */
    void endForShutdown() {
        endingForShutdown = true;
        abortUpstream.run();
    }

    /** Unregisters and closes the stream; the first call does it, later ones find it done. */
    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        streams.closed(this);
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        if (stream == null) {
            return;
        }
        writing.lock();
        try {
            stream.close();
        } catch (IOException | RuntimeException ignored) {
            // The connection is gone already; nothing is lost that the client still wanted.
        } finally {
            writing.unlock();
        }
    }
}
