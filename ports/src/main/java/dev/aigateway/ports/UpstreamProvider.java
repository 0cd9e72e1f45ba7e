package dev.aigateway.ports;

import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.route.UpstreamTarget;

/**
 * An LLM provider the gateway can send requests to; one implementation per provider, registered under its id.
 * Requests reaching it already carry their resolved model. Failures are thrown as
 * {@link dev.aigateway.domain.error.GatewayException}.
 */
public interface UpstreamProvider {

    /** Sends a chat request and returns the complete answer. */
    ChatResponse chat(UpstreamTarget target, ChatRequest request);

    /** Sends a chat request for a streamed answer, pushing each chunk into {@code sink} as it arrives. */
    void streamChat(UpstreamTarget target, ChatRequest request, ChunkSink sink);

    /** Sends an embedding request and returns the vectors. */
    EmbeddingResponse embed(UpstreamTarget target, EmbeddingRequest request);
}
