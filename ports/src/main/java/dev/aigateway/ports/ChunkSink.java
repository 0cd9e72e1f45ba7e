package dev.aigateway.ports;

import dev.aigateway.domain.chat.ChatChunk;

/**
 * Receives the chunks of a streamed answer as they arrive; a provider pushes into it from its reading loop.
 * Throwing from {@link #accept} (the client left) makes the provider stop and release the upstream stream.
 */
@FunctionalInterface
public interface ChunkSink {

    /** Delivers one chunk to the client, without buffering it. */
    void accept(ChatChunk chunk);
}
