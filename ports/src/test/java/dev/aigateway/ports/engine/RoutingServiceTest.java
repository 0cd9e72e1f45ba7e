package dev.aigateway.ports.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.TextInput;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.access.Consumer;
import dev.aigateway.domain.access.CounterStore;
import dev.aigateway.domain.access.LimitMatch;
import dev.aigateway.domain.access.LimitPolicy;
import dev.aigateway.domain.access.LimitWindow;
import dev.aigateway.domain.access.RouteAccess;
import dev.aigateway.domain.access.TokenCount;
import dev.aigateway.domain.access.TokenLimits;
import dev.aigateway.domain.access.WindowType;
import dev.aigateway.domain.chat.AssistantReply;
import dev.aigateway.domain.chat.ChatChoice;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.Message;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.error.ClientGoneException;
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
import dev.aigateway.ports.Cancellation;
import dev.aigateway.ports.ChatResponder;
import dev.aigateway.ports.ChunkSink;
import dev.aigateway.ports.Exchange;
import dev.aigateway.ports.RequestContext;
import dev.aigateway.ports.Served;
import dev.aigateway.ports.TokenWindows;
import dev.aigateway.ports.UpstreamProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingServiceTest {
    private final RecordingProvider provider = new RecordingProvider();
    private final List<Exchange> observed = new ArrayList<>();
    private final RoutingService routing = new RoutingService(ProviderRegistry.of(Map.of("mistral", provider)),
            observed::add);

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
    void aReservationSettlesOnlyOnceTheWholeAnswerOrStreamIsWritten() {
        for (ResponseStreaming streaming : List.of(ResponseStreaming.ALLOW, ResponseStreaming.ALWAYS)) {
            RecordingResponder responder = new RecordingResponder();
            LocalTokenWindows local = new LocalTokenWindows(() -> 0L);
            TokenWindows windows = new WatchedWindows(local, (reservation, delta) -> {
                responder.events.add("settled");
                return local.adjust(reservation, delta);
            });
            RoutingService limited = new RoutingService(ProviderRegistry.of(Map.of("mistral", provider)),
                    observed::add, System::nanoTime, Map.of(CounterStore.LOCAL, windows));
            TokenLimits limits = new TokenLimits("r", CounterStore.LOCAL, WindowType.FIXED, TokenCount.TOTAL_TOKENS,
                    List.of(new LimitPolicy(List.of(new LimitMatch(LimitMatch.Type.CONSUMER, Optional.empty(),
                            Set.of(), true)), List.of(new LimitWindow(10_000, 60)))), false, 50);
            Route route = route(RouteType.CHAT, ModelPolicy.fixed("m"), streaming).withAccess(
                    new RouteAccess(Optional.empty(), Optional.empty(), Optional.of(limits)));

            limited.chat(route, hello().build(), new RequestContext("req", Optional.empty(), Map.of(),
                    Cancellation.NONE, Optional.of(new Consumer("a", Set.of())), "/x", reported -> { }), responder);

            assertThat(responder.events).as(streaming.name()).containsExactly("written", "settled");
        }
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
    void reportsAWholeAnswerOnceWithItsUsageAndTheTargetThatGaveIt() {
        Route route = route(RouteType.CHAT, ModelPolicy.fixed("mistral-large-latest"), ResponseStreaming.ALLOW);
        RecordingResponder responder = new RecordingResponder();

        routing.chat(route, hello().build(), new RequestContext("req-1", Optional.empty()), responder);

        assertThat(observed).singleElement().satisfies(exchange -> {
            assertThat(exchange.requestId()).isEqualTo("req-1");
            assertThat(exchange.outcome()).isEqualTo(Exchange.Outcome.COMPLETED);
            assertThat(exchange.model()).isEqualTo("mistral-large-latest");
            assertThat(exchange.responseModel()).contains("m");
            assertThat(exchange.usage()).isEqualTo(RecordingProvider.ANSWER.usage());
            assertThat(exchange.stream()).isFalse();
            assertThat(exchange.error()).isEmpty();
            assertThat(exchange.served()).isEqualTo(responder.served.get(0));
        });
        assertThat(responder.served).singleElement().satisfies(served -> {
            assertThat(served.index()).isZero();
            assertThat(served.attempts()).isEqualTo(1);
        });
    }

    @Test
    void reportsAStreamWithTheLastUsageItCarriedAndEndsIt() {
        Usage usage = new Usage(3, 4, 7);
        provider.streamed = List.of(RecordingProvider.CHUNK, new ChatChunk("id", 1, "m", List.of(),
                Optional.of(usage)));
        RecordingResponder responder = new RecordingResponder();
        RequestContext context = new RequestContext("req-2", Optional.empty(), Map.of(), abort -> { });

        routing.chat(route(RouteType.CHAT, ModelPolicy.fixed("m"), ResponseStreaming.ALWAYS), hello().build(),
                context, responder);

        assertThat(responder.ended).isEqualTo(1);
        assertThat(provider.cancellations).containsExactly(context.cancellation());
        assertThat(observed).singleElement().satisfies(exchange -> {
            assertThat(exchange.outcome()).isEqualTo(Exchange.Outcome.COMPLETED);
            assertThat(exchange.stream()).isTrue();
            assertThat(exchange.usage()).contains(usage);
            assertThat(exchange.timeToFirstToken()).isPresent();
        });
    }

    @Test
    void aStreamWithoutChunksStillOpensAndEndsTheClientsStream() {
        provider.streamed = List.of();
        RecordingResponder responder = new RecordingResponder();

        routing.chat(route(RouteType.CHAT, ModelPolicy.fixed("m"), ResponseStreaming.ALWAYS), hello().build(),
                new RequestContext("req", Optional.empty()), responder);

        assertThat(responder.openedFor).containsExactly("m");
        assertThat(responder.ended).isEqualTo(1);
        assertThat(observed).singleElement().satisfies(exchange -> assertThat(exchange.timeToFirstToken()).isEmpty());
    }

    @Test
    void reportsAFailureBeforeAnyByteAsFailedWithItsError() {
        provider.streamed = List.of();
        provider.streamFailure = new GatewayException(new GatewayError.UpstreamUnreachable("down", false));

        assertThatThrownBy(() -> routing.chat(route(RouteType.CHAT, ModelPolicy.fixed("m"), ResponseStreaming.ALWAYS),
                hello().build(), new RequestContext("req", Optional.empty()), new RecordingResponder()))
                .isSameAs(provider.streamFailure);

        assertThat(observed).singleElement().satisfies(exchange -> {
            assertThat(exchange.outcome()).isEqualTo(Exchange.Outcome.FAILED);
            assertThat(exchange.error()).containsInstanceOf(GatewayError.UpstreamUnreachable.class);
        });
    }

    @Test
    void reportsAStreamThatBrokeOffOrWhoseClientLeftAsAborted() {
        provider.streamFailure = new GatewayException(new GatewayError.UpstreamUnreachable("cut", true));
        Route route = route(RouteType.CHAT, ModelPolicy.fixed("m"), ResponseStreaming.ALWAYS);
        assertThatThrownBy(() -> routing.chat(route, hello().build(), new RequestContext("a", Optional.empty()),
                new RecordingResponder())).isInstanceOf(GatewayException.class);
        provider.streamFailure = new ClientGoneException(new java.io.IOException("reset"));
        assertThatThrownBy(() -> routing.chat(route, hello().build(), new RequestContext("b", Optional.empty()),
                new RecordingResponder())).isInstanceOf(ClientGoneException.class);

        assertThat(observed).extracting(Exchange::outcome)
                .containsExactly(Exchange.Outcome.ABORTED, Exchange.Outcome.ABORTED);
        assertThat(observed).extracting(exchange -> exchange.error().isPresent()).containsExactly(true, false);
    }

    @Test
    void reportsARefusedRequestAsFailedWithTheModelAskedFor() {
        Route route = route(RouteType.CHAT, ModelPolicy.fixed("mistral-large-latest"), ResponseStreaming.ALLOW);

        assertThatThrownBy(() -> routing.chat(route, hello().model("gpt-4o").build(),
                new RequestContext("req", Optional.empty()), new RecordingResponder()))
                .isInstanceOf(GatewayException.class);

        assertThat(observed).singleElement().satisfies(exchange -> {
            assertThat(exchange.outcome()).isEqualTo(Exchange.Outcome.FAILED);
            assertThat(exchange.model()).isEqualTo("mistral-large-latest");
            assertThat(exchange.error()).isPresent();
        });
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
        final List<Cancellation> cancellations = new ArrayList<>();
        List<ChatChunk> streamed = List.of(CHUNK);
        RuntimeException streamFailure;

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
        public void streamChat(UpstreamTarget target, ChatRequest request, ChunkSink sink,
                               Cancellation cancellation) {
            chatRequests.add(request);
            cancellations.add(cancellation);
            for (ChatChunk chunk : streamed) {
                sink.accept(chunk);
            }
            if (streamFailure != null) {
                throw streamFailure;
            }
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

        final List<Served> served = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        int ended;

        @Override
        public void complete(ChatResponse response, Served target) {
            served.add(target);
            completed.add(response);
            events.add("written");
        }

        @Override
        public ChunkSink openStream(String model, Served target) {
            served.add(target);
            openedFor.add(model);
            return new ChunkSink() {
                @Override
                public void accept(ChatChunk chunk) {
                    chunks.add(chunk);
                }

                @Override
                public void end() {
                    ended++;
                    events.add("written");
                }
            };
        }
    }
}
