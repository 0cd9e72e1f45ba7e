package dev.aigateway.ports;

import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.completion.CompletionRequest;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.model.ModelInfo;
import dev.aigateway.domain.passthrough.NativeAnswer;
import dev.aigateway.domain.passthrough.NativeRequest;
import dev.aigateway.domain.passthrough.PassthroughRequest;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.UpstreamTarget;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An LLM provider the gateway can send requests to; one implementation per provider, registered under its id.
 * Requests reaching it already carry their resolved model. Failures are thrown as {@link GatewayException}.
 * It declares the route types it serves: routes of other types that name it are refused when the gateway starts.
 * Chat and embeddings are required; the other capabilities answer "not supported" unless a provider has them.
 */
public interface UpstreamProvider {

    /** The route types this provider serves. */
    Set<RouteType> routeTypes();

    /** Whether it answers {@link #listModels}; {@code GET /v1/models} asks only providers that do. */
    default boolean listsModels() {
        return false;
    }

    /** Sends a chat request and returns the complete answer. */
    ChatResponse chat(UpstreamTarget target, ChatRequest request);

    /**
     * Sends a chat request for a streamed answer, pushing each chunk into {@code sink} as it arrives; returns when the
     * upstream stream ended as it should, and throws when it did not.
     *
     * @param cancellation where to register how to abort the upstream stream once it is open
     */
    void streamChat(UpstreamTarget target, ChatRequest request, ChunkSink sink, Cancellation cancellation);

    /** Sends an embedding request and returns the vectors. */
    EmbeddingResponse embed(UpstreamTarget target, EmbeddingRequest request);

    /** Sends a text completion request and returns the answer, one text per choice. */
    default ChatResponse complete(UpstreamTarget target, CompletionRequest request) {
        throw unsupported(target, "text completions");
    }

    /** Sends a text completion request for a streamed answer, as {@link #streamChat} does. */
    default void streamComplete(UpstreamTarget target, CompletionRequest request, ChunkSink sink,
                                Cancellation cancellation) {
        throw unsupported(target, "text completions");
    }

    /** The models the upstream offers. */
    default List<ModelInfo> listModels(UpstreamTarget target) {
        throw unsupported(target, "a model list");
    }

    /** Forwards a request untouched (but for the credential) and relays the answer as it arrives. */
    default void forward(UpstreamTarget target, PassthroughRequest request, PassthroughResponder responder) {
        throw unsupported(target, "pass-through requests");
    }

    /**
     * Sends a request on a native route to the endpoint of {@code type} and relays a 2xx answer as it arrives,
     * reading its model, id and usage on the way; any other status is thrown as the provider's error.
     */
    default NativeAnswer relay(UpstreamTarget target, RouteType type, NativeRequest request,
                               PassthroughResponder responder) {
        throw unsupported(target, type.configName());
    }

    private static GatewayException unsupported(UpstreamTarget target, String what) {
        return new GatewayException(new GatewayError.Unsupported("provider '" + target.provider()
                + "' does not serve " + what, Optional.empty()));
    }
}
