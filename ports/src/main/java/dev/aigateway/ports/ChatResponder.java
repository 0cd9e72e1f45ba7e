package dev.aigateway.ports;

import dev.aigateway.domain.chat.ChatResponse;

/**
 * Where a chat use case delivers its answer: whole, or as a stream, depending on the request and the route's
 * streaming rule. Exactly one of the two methods is called per request.
 */
public interface ChatResponder {

    /** Delivers a complete answer. */
    void complete(ChatResponse response);

    /**
     * Starts a streamed answer and returns the sink its chunks go to; called once, before the first chunk.
     *
     * @param model the model the request was sent to, for headers that must precede the first chunk
     */
    ChunkSink openStream(String model);
}
