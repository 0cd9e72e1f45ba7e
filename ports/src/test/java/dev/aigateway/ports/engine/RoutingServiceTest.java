package dev.aigateway.ports.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.TextInput;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.AssistantReply;
import dev.aigateway.domain.chat.ChatChoice;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.Message;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.route.ModelPolicy;
import dev.aigateway.domain.route.ResponseStreaming;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteAnalytics;
import dev.aigateway.domain.route.RoutePolicy;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.TuningOptions;
import dev.aigateway.domain.route.TuningPrecedence;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.ports.ChatResponder;
import dev.aigateway.ports.ChunkSink;
import dev.aigateway.ports.RequestContext;
import dev.aigateway.ports.UpstreamProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingServiceTest {
    private final RecordingProvider provider = new RecordingProvider();
    private final RoutingService routing = new RoutingService(ProviderRegistry.of(Map.of("mistral", provider)));

    @Test
    void sendsTheRequestWithThePolicyAppliedAndDeliversTheWholeAnswer() {
        Route route = route(RouteType.CHAT, ModelPolicy.fixed("mistral-large-latest"), ResponseStreaming.ALLOW);
        RecordingResponder responder = new RecordingResponder();

        routing.chat(route, hello().build(), new RequestContext("req", Optional.empty()), responder);

        assertThat(provider.chatRequests).singleElement()
                .satisfies(sent -> assertThat(sent.model()).contains("mistral-large-latest"));
        assertThat(responder.completed).containsExactly(RecordingProvider.ANSWER);
        assertThat(responder.openedFor).isEmpty();
    }

    @Test
    void streamsIntoTheResponderWhenTheRouteForcesStreaming() {
        Route route = route(RouteType.CHAT, ModelPolicy.fixed("m"), ResponseStreaming.ALWAYS);
        RecordingResponder responder = new RecordingResponder();

        routing.chat(route, hello().build(), new RequestContext("req", Optional.empty()), responder);

        assertThat(responder.openedFor).containsExactly("m");
        assertThat(responder.chunks).containsExactly(RecordingProvider.CHUNK);
        assertThat(responder.completed).isEmpty();
    }

    @Test
    void refusesChatOnAnEmbeddingsRoute() {
        Route route = route(RouteType.EMBEDDINGS, ModelPolicy.fixed("m"), ResponseStreaming.ALLOW);

        assertThatThrownBy(() -> routing.chat(route, hello().build(), new RequestContext("req", Optional.empty()), new RecordingResponder()))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.error()).isInstanceOf(GatewayError.Unsupported.class));
        assertThat(provider.chatRequests).isEmpty();
    }

    @Test
    void aModelErrorNeverReachesTheProvider() {
        Route route = route(RouteType.CHAT, ModelPolicy.fixed("mistral-large-latest"), ResponseStreaming.ALLOW);

        assertThatThrownBy(() -> routing.chat(route, hello().model("gpt-4o").build(), new RequestContext("req", Optional.empty()),
                new RecordingResponder()))
                .isInstanceOf(GatewayException.class);
        assertThat(provider.chatRequests).isEmpty();
    }

    @Test
    void embedsWithTheResolvedModel() {
        Route route = route(RouteType.EMBEDDINGS, ModelPolicy.fixed("mistral-embed"), ResponseStreaming.ALLOW);

        routing.embed(route, new EmbeddingRequest(Optional.empty(), TextInput.texts(List.of("a")), Optional.empty(), Map.of()),
                new RequestContext("req-7", Optional.empty()));

        assertThat(provider.embeddingRequests).singleElement()
                .satisfies(sent -> assertThat(sent.model()).contains("mistral-embed"));
        assertThat(provider.targets).singleElement()
                .satisfies(target -> assertThat(target.requestId()).contains("req-7"));
    }

    @Test
    void theRegistryNamesTheKnownProvidersForAnUnknownOne() {
        Route route = Route.single("r", List.of("/x"), RouteType.CHAT, 1024, true, RoutePolicy.defaults(),
                new UpstreamTarget("openai", Optional.empty(), Optional.empty(), Optional.empty()),
                RouteAnalytics.none());

        assertThatThrownBy(() -> ProviderRegistry.of(Map.of("mistral", provider)).requireProvidersOf(List.of(route)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'openai'").hasMessageContaining("known providers: mistral");
    }

    private static Route route(RouteType type, ModelPolicy model, ResponseStreaming streaming) {
        return Route.single("r", List.of("/x"), type, 1024, true,
                new RoutePolicy(model, TuningOptions.none(), TuningPrecedence.CONFIG, streaming),
                new UpstreamTarget("mistral", Optional.empty(), Optional.empty(), Optional.empty()), RouteAnalytics.none());
    }

    private static ChatRequest.Builder hello() {
        return ChatRequest.builder().message(new Message.User(Content.text("hi"), Optional.empty()));
    }

    private static final class RecordingProvider implements UpstreamProvider {
        static final ChatResponse ANSWER = new ChatResponse("id", 1, "m", List.of(new ChatChoice(0,
                new AssistantReply(Optional.of("ok"), Optional.empty(), List.of()), Optional.empty())),
                Optional.of(new Usage(1, 1, 2)));
        static final ChatChunk CHUNK = new ChatChunk("id", 1, "m", List.of(), Optional.empty());
        final List<ChatRequest> chatRequests = new ArrayList<>();
        final List<EmbeddingRequest> embeddingRequests = new ArrayList<>();
        final List<UpstreamTarget> targets = new ArrayList<>();

        @Override
        public Set<RouteType> routeTypes() {
            return Set.of(RouteType.values());
        }

        @Override
        public ChatResponse chat(UpstreamTarget target, ChatRequest request) {
            chatRequests.add(request);
            return ANSWER;
        }

        @Override
        public void streamChat(UpstreamTarget target, ChatRequest request, ChunkSink sink) {
            chatRequests.add(request);
            sink.accept(CHUNK);
        }

        @Override
        public EmbeddingResponse embed(UpstreamTarget target, EmbeddingRequest request) {
            embeddingRequests.add(request);
            targets.add(target);
            return new EmbeddingResponse(Optional.empty(), "m", List.of(), Optional.empty());
        }
    }

    private static final class RecordingResponder implements ChatResponder {
        final List<ChatResponse> completed = new ArrayList<>();
        final List<String> openedFor = new ArrayList<>();
        final List<ChatChunk> chunks = new ArrayList<>();

        @Override
        public void complete(ChatResponse response) {
            completed.add(response);
        }

        @Override
        public ChunkSink openStream(String model) {
            openedFor.add(model);
            return chunks::add;
        }
    }
}
