package dev.aigateway.ports;

import dev.aigateway.domain.chat.ChatChunk;

/**
 * Receives the chunks of a streamed answer as they arrive; a provider pushes into it from its reading loop.
 * Throwing {@link dev.aigateway.domain.error.ClientGoneException} from {@link #accept} (the client left) makes the
 * provider stop and release the upstream stream.
 */
@FunctionalInterface
public interface ChunkSink {

    /**
     * Delivers one chunk to the client. It reaches the client at the next {@link #flush()}: a provider flushes
     * whenever its upstream has nothing more to read right away, so chunks that arrived together leave together
     * and a chunk that arrived alone leaves at once.
     */
    void accept(ChatChunk chunk);

    /** Sends what was accepted so far to the client now. */
    default void flush() {
        // Sinks that write through need nothing here.
    }

    /**
     * The upstream stream ended as it should: the client's stream closes, with whatever closing it needs. The core
     * calls it once the provider returned; providers never do.
     */
    default void end() {
        // Sinks with nothing to close need nothing here.
    }
}
