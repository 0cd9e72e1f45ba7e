package dev.aigateway.ports.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.domain.Tunable;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.AssistantReply;
import dev.aigateway.domain.chat.ChatChoice;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.FinishReason;
import dev.aigateway.domain.chat.Message;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.route.BalancerAlgorithm;
import dev.aigateway.domain.route.BalancerSettings;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteAnalytics;
import dev.aigateway.domain.route.RoutePolicy;
import dev.aigateway.domain.route.RouteTarget;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.ports.AttemptEnd;
import dev.aigateway.ports.AttemptSpan;
import dev.aigateway.ports.ChatResponder;
import dev.aigateway.ports.ChunkSink;
import dev.aigateway.ports.Exchange;
import dev.aigateway.ports.ExchangeSpan;
import dev.aigateway.ports.ExchangeTracer;
import dev.aigateway.ports.RequestContext;
import dev.aigateway.ports.Served;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The core tells its tracer of each exchange and each attempt as they happen: the failed attempt with its error and
 * whether the route moved on, the answering one with the answer's id and finish reasons, each attempt's trace context
 * on the upstream request, and the trace id on the exchange every observer gets.
 */
class ExchangeTracingTest {
    private final List<UpstreamTarget> sentTo = new ArrayList<>();
    private final RecordingTracer tracer = new RecordingTracer();
    private final List<Exchange> observed = new ArrayList<>();

    @Test
    void aFailoverIsTwoAttemptSpansUnderOneExchangeSpan() {
        RoutingService routing = new RoutingService(ProviderRegistry.of(Map.of("p", new UnreachableOnce())),
                observed::add, System::nanoTime, Map.of(), tracer);
        ChatRequest request = ChatRequest.builder().model("m").temperature(0.3)
                .message(new Message.User(Content.text("hi"), Optional.empty())).build();

        routing.chat(twoTargets(), request, new RequestContext("req", Optional.empty()), new Discarding());

        assertThat(tracer.started).containsExactly("chat m");
        assertThat(tracer.sampling).singleElement().satisfies(s -> assertThat(s.temperature()).contains(0.3));
        assertThat(tracer.attempts).extracting(Served::index).containsExactly(0, 1);
        assertThat(tracer.ends).hasSize(2);
        assertThat(tracer.ends.get(0).error()).containsInstanceOf(GatewayError.UpstreamUnreachable.class);
        assertThat(tracer.ends.get(0).failsOver()).isTrue();
        assertThat(tracer.ends.get(1).error()).isEmpty();
        assertThat(tracer.ends.get(1).responseId()).contains("answer-1");
        assertThat(tracer.ends.get(1).finishReasons()).containsExactly("stop");
        assertThat(tracer.ends.get(1).usage()).contains(new Usage(2, 3, 5));
        assertThat(sentTo).extracting(UpstreamTarget::traceContext)
                .containsExactly(Map.of("traceparent", "attempt-0"), Map.of("traceparent", "attempt-1"));
        assertThat(observed).singleElement().satisfies(exchange -> {
            assertThat(exchange.traceId()).contains("trace-1");
            assertThat(exchange.responseId()).contains("answer-1");
            assertThat(exchange.finishReasons()).containsExactly("stop");
        });
        assertThat(tracer.endedExchanges).containsExactlyElementsOf(observed);
    }

    @Test
    void untracedExchangesCarryNoTraceContext() {
        RoutingService routing = new RoutingService(ProviderRegistry.of(Map.of("p", new UnreachableOnce())),
                observed::add);

        routing.chat(twoTargets(), ChatRequest.builder().model("m").message(new Message.User(Content.text("hi"),
                Optional.empty())).build(), new RequestContext("req", Optional.empty()), new Discarding());

        assertThat(sentTo).extracting(UpstreamTarget::traceContext).containsOnly(Map.of());
        assertThat(observed).singleElement().satisfies(exchange -> assertThat(exchange.traceId()).isEmpty());
    }

    private static Route twoTargets() {
        RouteTarget target = RouteTarget.single(RoutePolicy.defaults(), new UpstreamTarget("p", Optional.empty(),
                Optional.empty(), Optional.empty()), RouteAnalytics.none());
        return new Route("r", List.of("/r"), RouteType.CHAT, 1024, true, List.of(target, target),
                BalancerSettings.defaults(BalancerAlgorithm.PRIORITY));
    }

    /** Cannot be reached on its first call, answers the second. */
    private final class UnreachableOnce implements StubProvider {
        @Override
        public ChatResponse chat(UpstreamTarget target, ChatRequest request) {
            sentTo.add(target);
            if (sentTo.size() == 1) {
                throw new GatewayException(new GatewayError.UpstreamUnreachable("refused", false));
            }
            return new ChatResponse("answer-1", 1, "m-2025", List.of(new ChatChoice(0, new AssistantReply(
                    Optional.of("ok"), Optional.empty(), List.of()), Optional.of(FinishReason.STOP))),
                    Optional.of(new Usage(2, 3, 5)));
        }
    }

    private static final class RecordingTracer implements ExchangeTracer {
        final List<String> started = new ArrayList<>();
        final List<Tunable<?>> sampling = new ArrayList<>();
        final List<Served> attempts = new ArrayList<>();
        final List<AttemptEnd> ends = new ArrayList<>();
        final List<Exchange> endedExchanges = new ArrayList<>();

        @Override
        public ExchangeSpan start(RequestContext context, String operation, String model,
                                  Optional<? extends Tunable<?>> requested) {
            started.add(operation + " " + model);
            requested.ifPresent(sampling::add);
            return new ExchangeSpan() {
                @Override
                public AttemptSpan attempt(Served served) {
                    String name = "attempt-" + attempts.size();
                    attempts.add(served);
                    return new AttemptSpan() {
                        @Override
                        public Map<String, String> propagation() {
                            return Map.of("traceparent", name);
                        }

                        @Override
                        public void sending(String model, Optional<? extends Tunable<?>> sent) { }

                        @Override
                        public void end(AttemptEnd end) {
                            ends.add(end);
                        }
                    };
                }

                @Override
                public void end(Exchange exchange) {
                    endedExchanges.add(exchange);
                }

                @Override
                public Optional<String> traceId() {
                    return Optional.of("trace-1");
                }
            };
        }
    }

    private static final class Discarding implements ChatResponder {
        @Override
        public void complete(ChatResponse response, Served served) { }

        @Override
        public ChunkSink openStream(String model, Served served) {
            return chunk -> { };
        }
    }
}
