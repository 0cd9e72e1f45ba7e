package dev.aigateway.ports.engine;

import dev.aigateway.domain.TextInput;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.completion.CompletionRequest;
import dev.aigateway.domain.embedding.Embedding;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.embedding.EmbeddingVector;
import dev.aigateway.domain.error.ClientGoneException;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.passthrough.PassthroughRequest;
import dev.aigateway.domain.route.BalancerAlgorithm;
import dev.aigateway.domain.route.BalancerSettings;
import dev.aigateway.domain.route.Capability;
import dev.aigateway.domain.route.FailoverCriterion;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteTarget;
import dev.aigateway.domain.route.SemanticSettings;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.ports.ChatCompletionUseCase;
import dev.aigateway.ports.ChatResponder;
import dev.aigateway.ports.ChunkSink;
import dev.aigateway.ports.CompletionUseCase;
import dev.aigateway.ports.EmbeddingUseCase;
import dev.aigateway.ports.PassthroughResponder;
import dev.aigateway.ports.PassthroughUseCase;
import dev.aigateway.ports.RequestContext;
import dev.aigateway.ports.Served;
import dev.aigateway.ports.UpstreamProvider;
import dev.aigateway.ports.engine.balance.SemanticBalancer;
import dev.aigateway.ports.engine.balance.TargetFeedback;
import dev.aigateway.ports.engine.balance.TargetPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The core: picks one of a route's targets, applies that target's policy, sends the request to its provider, and
 * fails over to another target when the route's balancer settings allow it. Never after the client got a byte,
 * and never for a request the upstream received unless {@code non_idempotent} says so.
 */
public final class RoutingService implements ChatCompletionUseCase, CompletionUseCase, EmbeddingUseCase,
        PassthroughUseCase {
    private final ProviderRegistry providers;
    private final LongSupplier nanoClock;
    private final Map<String, TargetPool> pools = new ConcurrentHashMap<>();

    public RoutingService(ProviderRegistry providers, LongSupplier nanoClock) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.nanoClock = nanoClock;
    }

    public RoutingService(ProviderRegistry providers) {
        this(providers, System::nanoTime);
    }

    @Override
    public void chat(Route route, ChatRequest request, RequestContext context, ChatResponder responder) {
        requireCapability(route, Capability.CHAT);
        attempt(route, context, () -> Prompts.lastUserText(request), (target, upstream, served) -> {
            ChatRequest upstreamRequest = target.policy().applyTo(request);
            UpstreamProvider provider = providers.get(upstream.provider());
            if (upstreamRequest.stream()) {
                return streamed(responder, upstreamRequest.model().orElseThrow(), served,
                        sink -> provider.streamChat(upstream, upstreamRequest, sink));
            }
            ChatResponse response = provider.chat(upstream, upstreamRequest);
            served.run();
            responder.complete(response);
            return new Delivered(response.usage(), Optional.empty());
        });
    }

    @Override
    public void complete(Route route, CompletionRequest request, RequestContext context, ChatResponder responder) {
        requireCapability(route, Capability.COMPLETIONS);
        attempt(route, context, () -> request.prompts().get(0).asText().orElse(null),
                (target, upstream, served) -> {
            CompletionRequest upstreamRequest = target.policy().applyTo(request);
            UpstreamProvider provider = providers.get(upstream.provider());
            if (upstreamRequest.stream()) {
                return streamed(responder, upstreamRequest.model().orElseThrow(), served,
                        sink -> provider.streamComplete(upstream, upstreamRequest, sink));
            }
            ChatResponse response = provider.complete(upstream, upstreamRequest);
            served.run();
            responder.complete(response);
            return new Delivered(response.usage(), Optional.empty());
        });
    }

    @Override
    public EmbeddingResponse embed(Route route, EmbeddingRequest request, RequestContext context) {
        requireCapability(route, Capability.EMBEDDINGS);
        EmbeddingResponse[] answer = new EmbeddingResponse[1];
        attempt(route, context, () -> request.inputs().get(0).asText().orElse(null), (target, upstream, served) -> {
            answer[0] = providers.get(upstream.provider()).embed(upstream, target.policy().applyTo(request));
            served.run();
            return new Delivered(answer[0].usage(), Optional.empty());
        });
        return answer[0];
    }

    @Override
    public void forward(Route route, PassthroughRequest request, RequestContext context,
                        PassthroughResponder responder) {
        requireCapability(route, Capability.PASSTHROUGH);
        attempt(route, context, () -> null, (target, upstream, served) -> {
            served.run();
            providers.get(upstream.provider()).forward(upstream, request, responder);
            return new Delivered(Optional.empty(), Optional.empty());
        });
    }

    /** One try on one target: what it delivered to the client, for the balancer. */
    private record Delivered(Optional<Usage> usage, Optional<Duration> timeToFirstToken) { }

    @FunctionalInterface
    private interface Attempt {
        Delivered run(RouteTarget target, UpstreamTarget upstream, Runnable served);
    }

    @FunctionalInterface
    private interface Streaming {
        void into(ChunkSink sink);
    }

    /** A failure after the client got bytes: reported as it is, never failed over. */
    private static final class AlreadyDelivered extends RuntimeException {
        private final GatewayException failure;

        AlreadyDelivered(GatewayException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    private Delivered streamed(ChatResponder responder, String model, Runnable served, Streaming streaming) {
        long started = nanoClock.getAsLong();
        StartingSink sink = new StartingSink(responder, model, served, nanoClock);
        try {
            streaming.into(sink);
        } catch (GatewayException e) {
            if (sink.delivered()) {
                throw new AlreadyDelivered(e);
            }
            throw e;
        }
        if (!sink.delivered()) {
            served.run();
            responder.openStream(model);
        }
        return new Delivered(sink.usage(), sink.firstChunkNanos().map(at -> Duration.ofNanos(at - started)));
    }

    private void attempt(Route route, RequestContext context, Supplier<String> prompt, Attempt attempt) {
        TargetPool pool = pools.computeIfAbsent(route.name(), name -> pool(route));
        BalancerSettings balancer = route.balancer();
        String key = balancer.algorithm() == BalancerAlgorithm.SEMANTIC ? prompt.get()
                : balancer.hashOnHeader().map(h -> context.headers().get(h.toLowerCase(Locale.ROOT))).orElse(null);
        Set<Integer> tried = new HashSet<>();
        GatewayException last = null;
        while (tried.size() <= balancer.retries()) {
            int index = pool.next(tried, key);
            if (index < 0) {
                break;
            }
            tried.add(index);
            RouteTarget target = route.targets().get(index);
            UpstreamTarget upstream = target.upstream().forRequest(context.clientCredential(), context.requestId());
            int attempts = tried.size();
            long started = nanoClock.getAsLong();
            pool.started(index);
            try {
                Delivered delivered = attempt.run(target, upstream,
                        () -> context.onServed().accept(new Served(target, index, attempts)));
                pool.succeeded(index, feedback(true, started, delivered, target));
                return;
            } catch (AlreadyDelivered e) {
                pool.failed(index, feedback(false, started, null, target), 0);
                throw e.failure;
            } catch (GatewayException e) {
                pool.failed(index, feedback(false, started, null, target), retryAfterNanos(e.error()));
                if (!failsOver(e.error(), balancer)) {
                    throw e;
                }
                last = e;
            } catch (ClientGoneException e) {
                pool.succeeded(index, feedback(true, started, null, target));
                throw e;
            }
        }
        if (last != null) {
            throw last;
        }
        throw allOut(pool);
    }

    /**
     * A route's balancing state. For semantic routing the targets' descriptions are embedded here, once, on the
     * route's first request: the gateway starts even while the embeddings upstream is down.
     */
    private TargetPool pool(Route route) {
        Optional<SemanticSettings> semantic = route.balancer().semantic()
                .filter(s -> route.balancer().algorithm() == BalancerAlgorithm.SEMANTIC);
        if (semantic.isEmpty()) {
            return new TargetPool(route.targets(), route.balancer(), nanoClock);
        }
        SemanticSettings settings = semantic.get();
        List<String> descriptions = route.targets().stream().map(t -> t.description().orElse("")).toList();
        int catchAll = descriptions.indexOf(SemanticSettings.CATCHALL);
        List<String> toEmbed = descriptions.stream().filter(d -> !d.equals(SemanticSettings.CATCHALL)).toList();
        List<EmbeddingVector> embedded = embed(settings, toEmbed);
        List<EmbeddingVector> vectors = new ArrayList<>();
        int next = 0;
        for (String description : descriptions) {
            vectors.add(description.equals(SemanticSettings.CATCHALL) ? null : embedded.get(next++));
        }
        return new TargetPool(route.targets(), route.balancer(), nanoClock, new SemanticBalancer(vectors, catchAll,
                settings, text -> embed(settings, List.of(text)).get(0)));
    }

    private List<EmbeddingVector> embed(SemanticSettings settings, List<String> texts) {
        EmbeddingResponse response = providers.get(settings.embeddings().provider()).embed(settings.embeddings(),
                new EmbeddingRequest(Optional.of(settings.model()), TextInput.texts(texts), Optional.empty(), Map.of()));
        return response.data().stream().sorted(java.util.Comparator.comparingInt(Embedding::index))
                .map(Embedding::vector).toList();
    }

    private static boolean failsOver(GatewayError error, BalancerSettings balancer) {
        Set<FailoverCriterion> criteria = balancer.failoverCriteria();
        boolean matches = FailoverCriterion.of(error).filter(criteria::contains).isPresent();
        return matches && (!FailoverCriterion.upstreamReceived(error)
                || criteria.contains(FailoverCriterion.NON_IDEMPOTENT));
    }

    private TargetFeedback feedback(boolean succeeded, long started, Delivered delivered, RouteTarget target) {
        Optional<Usage> usage = delivered == null ? Optional.empty() : delivered.usage();
        return new TargetFeedback(succeeded, Duration.ofNanos(nanoClock.getAsLong() - started),
                delivered == null ? Optional.empty() : delivered.timeToFirstToken(), usage,
                usage.flatMap(u -> target.analytics().pricing().map(p -> p.costOf(u))));
    }

    private static long retryAfterNanos(GatewayError error) {
        if (error instanceof GatewayError.UpstreamRejected rejected && rejected.status() == 429) {
            try {
                return rejected.retryAfter().map(value -> Duration.ofSeconds(Long.parseLong(value.trim())).toNanos())
                        .orElse(0L);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private static GatewayException allOut(TargetPool pool) {
        long seconds = Math.max(1, Duration.ofNanos(pool.nanosUntilAvailable()).toSeconds());
        return new GatewayException(new GatewayError.UpstreamRejected(503,
                "every target of this route is temporarily out after repeated failures", Optional.empty(),
                Optional.empty(), Optional.of("all_targets_unavailable"), Optional.of(Long.toString(seconds))));
    }

    private static void requireCapability(Route route, Capability needed) {
        if (route.type().capability() != needed) {
            throw new GatewayException(new GatewayError.Unsupported("route '" + route.name() + "' serves "
                    + route.type().configName() + ", not " + needed.name().toLowerCase(Locale.ROOT),
                    Optional.empty()));
        }
    }

    /**
     * Opens the client's stream with the first chunk, not before: until then a failed attempt can still move to
     * another target without the client seeing anything.
     */
    private static final class StartingSink implements ChunkSink {
        private final ChatResponder responder;
        private final String model;
        private final Runnable served;
        private final LongSupplier nanoClock;
        private ChunkSink client;
        private Runnable abortUpstream;
        private Optional<Usage> usage = Optional.empty();
        private Optional<Long> firstChunkNanos = Optional.empty();

        StartingSink(ChatResponder responder, String model, Runnable served, LongSupplier nanoClock) {
            this.responder = responder;
            this.model = model;
            this.served = served;
            this.nanoClock = nanoClock;
        }

        @Override
        public void accept(ChatChunk chunk) {
            if (client == null) {
                firstChunkNanos = Optional.of(nanoClock.getAsLong());
                served.run();
                client = responder.openStream(model);
                if (abortUpstream != null) {
                    client.whenClientGone(abortUpstream);
                }
            }
            if (chunk.usage().isPresent()) {
                usage = chunk.usage();
            }
            client.accept(chunk);
        }

        @Override
        public void flush() {
            if (client != null) {
                client.flush();
            }
        }

        @Override
        public void whenClientGone(Runnable abort) {
            abortUpstream = abort;
            if (client != null) {
                client.whenClientGone(abort);
            }
        }

        boolean delivered() {
            return client != null;
        }

        Optional<Usage> usage() {
            return usage;
        }

        Optional<Long> firstChunkNanos() {
            return firstChunkNanos;
        }
    }
}
