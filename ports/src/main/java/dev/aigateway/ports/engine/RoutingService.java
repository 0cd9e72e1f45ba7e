package dev.aigateway.ports.engine;

import dev.aigateway.domain.Tunable;
import dev.aigateway.domain.access.CounterStore;
import dev.aigateway.domain.access.TokenEstimate;
import dev.aigateway.domain.chat.ChatChoice;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.completion.CompletionRequest;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.error.ClientGoneException;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.passthrough.NativeAnswer;
import dev.aigateway.domain.passthrough.NativeRequest;
import dev.aigateway.domain.passthrough.PassthroughRequest;
import dev.aigateway.domain.route.Capability;
import dev.aigateway.domain.route.Route;
import dev.aigateway.ports.Answered;
import dev.aigateway.ports.ChatCompletionUseCase;
import dev.aigateway.ports.ChatResponder;
import dev.aigateway.ports.ChunkSink;
import dev.aigateway.ports.CompletionUseCase;
import dev.aigateway.ports.EmbeddingUseCase;
import dev.aigateway.ports.Exchange;
import dev.aigateway.ports.ExchangeObserver;
import dev.aigateway.ports.ExchangeSpan;
import dev.aigateway.ports.ExchangeTracer;
import dev.aigateway.ports.NativeUseCase;
import dev.aigateway.ports.PassthroughResponder;
import dev.aigateway.ports.PassthroughUseCase;
import dev.aigateway.ports.RequestContext;
import dev.aigateway.ports.Served;
import dev.aigateway.ports.TokenWindows;
import dev.aigateway.ports.UpstreamProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The core's entry points: each applies the route's rules, lets {@link Failover} pick targets and send the request
 * to their providers, delivers the answer to the ingress, and reports the exchange once to the observer.
 */
public final class RoutingService implements ChatCompletionUseCase, CompletionUseCase, EmbeddingUseCase,
        PassthroughUseCase, NativeUseCase {
    private final ProviderRegistry providers;
    private final ExchangeObserver observer;
    private final LongSupplier nanoClock;
    private final Failover failover;
    private final TokenBudget budget;
    private final ExchangeTracer tracer;

    /**
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime} outside tests)
     * @param counterStores where each kind of token-limit counter lives
     * @param tracer where exchanges become traces
     */
    public RoutingService(ProviderRegistry providers, ExchangeObserver observer, LongSupplier nanoClock,
                          Map<CounterStore, TokenWindows> counterStores, ExchangeTracer tracer) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.nanoClock = nanoClock;
        this.failover = new Failover(new TargetPools(providers, nanoClock));
        this.budget = new TokenBudget(counterStores);
        this.tracer = Objects.requireNonNull(tracer, "tracer");
    }

    /** A routing service whose exchanges are not traced. */
    public RoutingService(ProviderRegistry providers, ExchangeObserver observer, LongSupplier nanoClock,
                          Map<CounterStore, TokenWindows> counterStores) {
        this(providers, observer, nanoClock, counterStores, ExchangeTracer.OFF);
    }

    /** A routing service whose token limits, if any route has them, count in this instance's memory. */
    public RoutingService(ProviderRegistry providers, ExchangeObserver observer, LongSupplier nanoClock) {
        this(providers, observer, nanoClock, Map.of(CounterStore.LOCAL,
                new LocalTokenWindows(System::currentTimeMillis)));
    }

    public RoutingService(ProviderRegistry providers, ExchangeObserver observer) {
        this(providers, observer, System::nanoTime);
    }

    @Override
    public void chat(Route route, ChatRequest request, RequestContext context, ChatResponder responder) {
        observed(route, context, request.model(), request.stream(), Optional.of(request), Capability.CHAT,
                () -> new TokenBudget.Demand(TokenEstimate.promptTokens(request), request.maxTokens()), trace ->
                failover.run(route, context, request.model(), () -> Prompts.lastUserText(request), trace,
                        (target, upstream, served) -> {
                            ChatRequest sent = target.policy().applyTo(request);
                            trace.sending(sent.model().orElseThrow(), sent.stream(), Optional.of(sent));
                            UpstreamProvider provider = providers.serving(upstream);
                            if (sent.stream()) {
                                streamed(responder, served, trace, sink -> provider.streamChat(upstream, sent, sink,
                                        context.cancellation()));
                            } else {
                                complete(responder, served, trace, provider.chat(upstream, sent));
                            }
                            return served;
                        }));
    }

    @Override
    public void complete(Route route, CompletionRequest request, RequestContext context, ChatResponder responder) {
        observed(route, context, request.model(), request.stream(), Optional.of(request), Capability.COMPLETIONS,
                () -> new TokenBudget.Demand(TokenEstimate.promptTokens(request), request.maxTokens()), trace ->
                failover.run(route, context, request.model(), () -> Prompts.first(request.prompts()), trace,
                        (target, upstream, served) -> {
                            CompletionRequest sent = target.policy().applyTo(request);
                            trace.sending(sent.model().orElseThrow(), sent.stream(), Optional.of(sent));
                            UpstreamProvider provider = providers.serving(upstream);
                            if (sent.stream()) {
                                streamed(responder, served, trace, sink -> provider.streamComplete(upstream, sent,
                                        sink, context.cancellation()));
                            } else {
                                complete(responder, served, trace, provider.complete(upstream, sent));
                            }
                            return served;
                        }));
    }

    @Override
    public Answered<EmbeddingResponse> embed(Route route, EmbeddingRequest request, RequestContext context) {
        return observed(route, context, request.model(), false, Optional.empty(), Capability.EMBEDDINGS,
                () -> new TokenBudget.Demand(TokenEstimate.promptTokens(request.inputs()), Optional.of(0)), trace ->
                failover.run(route, context, request.model(), () -> Prompts.first(request.inputs()), trace,
                        (target, upstream, served) -> {
                            EmbeddingRequest sent = target.policy().applyTo(request);
                            trace.sending(sent.model().orElseThrow(), false, Optional.empty());
                            EmbeddingResponse response = providers.serving(upstream).embed(upstream, sent);
                            trace.upstreamCalls(response.upstreamCalls());
                            trace.answered(response.model(), response.usage());
                            return new Answered<>(response, served);
                        }));
    }

    /**
     * The body goes untouched: a route's fixed model is checked against the one it names, not written into it. The
     * answer counts as delivered from its first byte, so nothing fails over after that.
     */
    @Override
    public void relay(Route route, NativeRequest request, RequestContext context, PassthroughResponder responder) {
        observed(route, context, request.model(), request.stream(), Optional.empty(), Capability.NATIVE,
                () -> new TokenBudget.Demand(request.promptTokens(), route.type().generatesText()
                        ? request.maxTokens() : Optional.of(0)), trace ->
                failover.run(route, context, request.model(), () -> null, trace, (target, upstream, served) -> {
                    String model = request.model().isPresent() ? target.policy().model().resolve(request.model())
                            : target.policy().model().fixedName().orElse(trace.model());
                    trace.sending(model, request.stream(), Optional.empty());
                    NativeAnswer answer = providers.serving(upstream).relay(upstream, route.type(), request,
                            (status, headers) -> {
                                trace.relaying();
                                return responder.start(status, headers);
                            });
                    answer.id().ifPresent(id -> trace.identified(id, List.of()));
                    trace.answered(answer.model().orElse(model), answer.usage());
                    return served;
                }));
    }

    /** Forwarded requests are relayed, not observed: their bodies are none of the gateway's business. */
    @Override
    public void forward(Route route, PassthroughRequest request, RequestContext context,
                        PassthroughResponder responder) {
        requireCapability(route, Capability.PASSTHROUGH);
        ExchangeTrace trace = new ExchangeTrace(context.requestId(), route,
                ExchangeTrace.modelBefore(route, Optional.empty()), false, nanoClock, ExchangeSpan.NONE);
        // Forwarded bodies are not read, so there is nothing to count: only access rules apply to them.
        failover.run(route, context, Optional.empty(), () -> null, trace, (target, upstream, served) -> {
            providers.serving(upstream).forward(upstream, request, responder);
            return served;
        });
    }

    private static void complete(ChatResponder responder, Served served, ExchangeTrace trace, ChatResponse answer) {
        trace.identified(answer.id(), answer.choices().stream().map(ChatChoice::finishReason).toList());
        trace.answered(answer.model(), answer.usage());
        responder.complete(answer, served);
    }

    private static void streamed(ChatResponder responder, Served served, ExchangeTrace trace,
                                 Consumer<ChunkSink> streaming) {
        StartingSink sink = new StartingSink(responder, trace.model(), served, trace);
        streaming.accept(sink);
        sink.end();
    }

    /** Runs one exchange and reports it once, however it ends. */
    private <T> T observed(Route route, RequestContext context, Optional<String> requestedModel, boolean stream,
                           Optional<? extends Tunable<?>> sampling, Capability needed,
                           Supplier<TokenBudget.Demand> demand, Function<ExchangeTrace, T> exchange) {
        String model = ExchangeTrace.modelBefore(route, requestedModel);
        ExchangeTrace trace = new ExchangeTrace(context.requestId(), route, model, stream, nanoClock,
                tracer.start(context, route.type().operationName(), model, sampling));
        Exchange.Outcome outcome = Exchange.Outcome.FAILED;
        Optional<GatewayError> error = Optional.empty();
        TokenBudget.Hold hold = TokenBudget.Hold.NONE;
        try {
            requireCapability(route, needed);
            hold = budget.reserve(route, context, trace.model(), demand);
            trace.holding(hold);
            T result = exchange.apply(trace);
            outcome = Exchange.Outcome.COMPLETED;
            return result;
        } catch (GatewayException e) {
            error = Optional.of(e.error());
            outcome = trace.delivered() ? Exchange.Outcome.ABORTED : Exchange.Outcome.FAILED;
            throw e;
        } catch (ClientGoneException e) {
            outcome = Exchange.Outcome.ABORTED;
            throw e;
        } finally {
            trace.settle(() -> demand.get().promptTokens());
            observer.observed(trace.end(outcome, error, context.consumer(), hold.unchecked(),
                    context.payloads()));
        }
    }

    private static void requireCapability(Route route, Capability needed) {
        if (route.type().capability() != needed) {
            throw new GatewayException(new GatewayError.Unsupported("route '" + route.name() + "' serves "
                    + route.type().configName() + ", not " + needed.name().toLowerCase(Locale.ROOT),
                    Optional.empty()));
        }
    }
}
