package dev.aigateway.ports;

import dev.aigateway.domain.chat.ChatResponse;

/**
 * Where a chat use case delivers its answer: whole, or as a stream, depending on the request and the route's
 * streaming rule. Exactly one of the two methods is called per request, and only once the answer is there, so a
 * failed attempt can still move to another target without the client seeing anything.
 */
public interface ChatResponder {

    /**
     * Delivers a complete answer.
     *
     * @param served which target answered, for headers that say so
     */
    void complete(ChatResponse response, Served served);

    /**
     * Starts a streamed answer with its first chunk at hand and returns the sink its chunks go to.
     *
     * @param model the model the request was sent to, for headers that must precede the first chunk
     * @param served which target answers, likewise
     */
    ChunkSink openStream(String model, Served served);
}
