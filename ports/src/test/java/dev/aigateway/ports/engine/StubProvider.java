package dev.aigateway.ports.engine;

import dev.aigateway.domain.chat.AssistantReply;
import dev.aigateway.domain.chat.ChatChoice;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.ports.Cancellation;
import dev.aigateway.ports.ChunkSink;
import dev.aigateway.ports.UpstreamProvider;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A provider for engine tests: it serves every route type and fails the test on any call the test did not
 * override, so a test writes only the calls it expects.
 */
interface StubProvider extends UpstreamProvider {
    @Override
    default Set<RouteType> routeTypes() {
        return Set.of(RouteType.values());
    }

    @Override
    default ChatResponse chat(UpstreamTarget target, ChatRequest request) {
        throw new AssertionError("chat was not expected");
    }

    @Override
    default void streamChat(UpstreamTarget target, ChatRequest request, ChunkSink sink, Cancellation cancellation) {
        throw new AssertionError("streamChat was not expected");
    }

    @Override
    default EmbeddingResponse embed(UpstreamTarget target, EmbeddingRequest request) {
        throw new AssertionError("embed was not expected");
    }

    /** A one-choice answer saying "ok", from this model. */
    static ChatResponse ok(String model) {
        return new ChatResponse("id", 1, model, List.of(new ChatChoice(0,
                new AssistantReply(Optional.of("ok"), Optional.empty(), List.of()), Optional.empty())),
                Optional.empty());
    }
}
