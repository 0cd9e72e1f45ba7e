package dev.aigateway.adapters.http;

import dev.aigateway.domain.Usage;
import dev.aigateway.domain.access.Consumer;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.ports.Exchange;
import dev.aigateway.ports.engine.LiveRoutes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The gateway's Prometheus metrics: Kong's AI names, the OpenTelemetry GenAI metrics in their Prometheus spelling,
 * HTTP server and JVM metrics.
 */
final class GatewayMetrics {
    private static final double[] LATENCY_MS_BUCKETS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000,
        60000};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<ExchangeKey, ExchangeMeters> exchangeMeters = new ConcurrentHashMap<>();
    private final Map<HttpKey, Timer> httpTimers = new ConcurrentHashMap<>();
    private final Map<String, Counter> limitsUnavailable = new ConcurrentHashMap<>();
    private final Map<String, Counter> splitCalls = new ConcurrentHashMap<>();

    /**
     * The JVM and process metrics, bound on a thread of their own: binding them took a fifth of the main thread's
     * start-up time in profiles, and nothing reads them before the first scrape, which waits for them.
     */
    private final CompletableFuture<Void> jvmMetricsBound = CompletableFuture.runAsync(() -> {
        new JvmMemoryMetrics().bindTo(registry);
        collectorTotals();
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }, runnable -> Thread.ofVirtual().name("jvm-metrics-binding").start(runnable));

    /**
     * Each collector's collections and their total time, read from its MXBean at each scrape. Micrometer's
     * JvmGcMetrics listens to every collection instead: its notification thread then ran on the serving core several
     * times a second (a scheduler trace of the one-connection load: requests delayed up to 3 ms), for a pause
     * histogram the dashboard does not use.
     */
    private void collectorTotals() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            FunctionTimer.builder("jvm.gc.collection", collector, GarbageCollectorMXBean::getCollectionCount,
                    GarbageCollectorMXBean::getCollectionTime, TimeUnit.MILLISECONDS).tag("gc", collector.getName())
                    .description("collections by this collector and the time they took").register(registry);
        }
    }

    /** Publishes how many SSE streams are open, read from {@code count} at each scrape. */
    void openStreams(IntSupplier count) {
        Gauge.builder("gateway_open_streams", count::getAsInt).description("SSE streams being written to clients")
                .register(registry);
    }

    /** Publishes which configuration generation serves and how reloads went, read at each scrape. */
    void configuration(LiveRoutes routes) {
        Gauge.builder("gateway_config_generation", () -> routes.current().number())
                .description("the configuration serving now: 1 at start, one more per applied reload").register(registry);
        Gauge.builder("gateway_config_last_reload_success", () -> routes.lastReloadApplied() ? 1 : 0)
                .description("1 when the last reload (if any) was applied, 0 when it was refused").register(registry);
        FunctionCounter.builder("gateway_config_reloads_refused", routes, LiveRoutes::refusedReloads)
                .description("reloads refused for an invalid configuration").register(registry);
    }

    /** The text exposition format, for {@code GET /metrics}. */
    String scrape() {
        jvmMetricsBound.join();
        return registry.scrape();
    }

    /** @param status the status the client got; @param operation the GenAI operation name */
    void record(Exchange exchange, int status, String operation) {
        ExchangeMeters meters = exchangeMeters.computeIfAbsent(new ExchangeKey(
                exchange.served().target().upstream().provider(), exchange.model(), exchange.route().name(), status,
                exchange.served().index(), operation,
                exchange.consumer().map(Consumer::username).orElse("")), ExchangeMeters::new);
        meters.requests.increment();
        if (exchange.upstreamCalls() > 1) {
            splitCalls.computeIfAbsent(exchange.route().name(), route -> Counter.builder("gateway_split_upstream_calls")
                    .description("upstream calls of requests split into batches the provider takes")
                    .tag("route", route).register(registry)).increment(exchange.upstreamCalls());
        }
        if (exchange.limitsUnchecked()
                || exchange.error().orElse(null) instanceof GatewayError.LimitsUnavailable) {
            limitsUnavailable.computeIfAbsent(exchange.route().name(), route -> Counter
                    .builder("gateway_token_limits_unavailable")
                    .description("requests whose token limits could not be checked (served unchecked or refused)")
                    .tag("route", route).register(registry)).increment();
        }
        meters.providerLatency.record(exchange.latency().toNanos() / 1e6);
        meters.operationDuration.record(exchange.latency());
        exchange.usage().ifPresent(meters::tokens);
        exchange.cost().ifPresent(cost -> meters.cost.get().increment(cost));
        exchange.timeToFirstToken().ifPresent(ttft -> meters.timeToFirstToken.get().record(ttft));
    }

    /** Every HTTP request the gateway answered, by route path (never the raw path, which is unbounded). */
    void httpRequest(String method, String route, int status, Duration duration) {
        httpTimers.computeIfAbsent(new HttpKey(method, route, status), key -> Timer.builder("http_server_requests")
                .description("HTTP requests the gateway answered")
                .tags("method", key.method(), "uri", key.route(), "status", Integer.toString(key.status()))
                .register(registry)).record(duration);
    }

    /*
     * Meters are looked up once per set of labels and then kept: building and registering about ten of them on
     * every request showed in the benchmark's profile. The label sets are few (routes x models x statuses x
     * targets), as Prometheus needs them to be anyway.
     */
    private record ExchangeKey(String provider, String model, String route, int status, int target,
                               String operation, String consumer) { }

    private record HttpKey(String method, String route, int status) { }

    private record TokenMeters(Counter prompt, Counter completion, Counter total, DistributionSummary input,
                               DistributionSummary output) { }

    /**
     * The meters of one label set. Those only some exchanges feed (tokens, cost, time to first token, pages, audio)
     * are registered on first use, so a route never shows series it cannot have.
     */
    private final class ExchangeMeters {
        private final Tags kong;
        private final Tags genAi;
        private final Counter requests;
        private final DistributionSummary providerLatency;
        private final Timer operationDuration;
        private final OnFirstUse<TokenMeters> tokens;
        private final OnFirstUse<Counter> cost;
        private final OnFirstUse<Counter> cachedTokens;
        private final OnFirstUse<Counter> reasoningTokens;
        private final OnFirstUse<Counter> pages;
        private final OnFirstUse<Counter> audioSeconds;
        private final OnFirstUse<Timer> timeToFirstToken;

        ExchangeMeters(ExchangeKey key) {
            kong = Tags.of("ai_provider", key.provider(), "ai_model", key.model(), "route", key.route(),
                    "status", Integer.toString(key.status()), "target", Integer.toString(key.target()),
                    "consumer", key.consumer());
            genAi = Tags.of("gen_ai_system", key.provider(), "gen_ai_request_model", key.model(),
                    "gen_ai_operation_name", key.operation(), "consumer", key.consumer());
            requests = Counter.builder("ai_llm_requests").description("AI requests").tags(kong).register(registry);
            providerLatency = DistributionSummary.builder("ai_llm_provider_latency_ms")
                    .description("upstream latency in ms").serviceLevelObjectives(LATENCY_MS_BUCKETS).tags(kong)
                    .register(registry);
            operationDuration = Timer.builder("gen_ai_client_operation_duration")
                    .description("GenAI operation duration").tags(genAi).publishPercentileHistogram()
                    .register(registry);
            tokens = new OnFirstUse<>(() -> new TokenMeters(kongTokens("prompt_tokens"),
                    kongTokens("completion_tokens"), kongTokens("total_tokens"), genAiTokens("input"),
                    genAiTokens("output")));
            cost = new OnFirstUse<>(() -> Counter.builder("ai_llm_cost").description("cost of the tokens").tags(kong)
                    .register(registry));
            cachedTokens = new OnFirstUse<>(() -> kongTokens("cached_tokens"));
            reasoningTokens = new OnFirstUse<>(() -> kongTokens("reasoning_tokens"));
            pages = new OnFirstUse<>(() -> Counter.builder("gateway_ocr_pages")
                    .description("document pages read by OCR calls").tags(kong).register(registry));
            audioSeconds = new OnFirstUse<>(() -> Counter.builder("gateway_prompt_audio_seconds")
                    .description("seconds of audio in prompts").tags(kong).register(registry));
            timeToFirstToken = new OnFirstUse<>(() -> Timer.builder("gen_ai_server_time_to_first_token")
                    .description("time to the first streamed chunk").tags(genAi).publishPercentileHistogram()
                    .register(registry));
        }

        void tokens(Usage usage) {
            TokenMeters meters = tokens.get();
            meters.prompt().increment(usage.promptTokens());
            meters.completion().increment(usage.completionTokens());
            meters.total().increment(usage.totalTokens());
            meters.input().record(usage.promptTokens());
            meters.output().record(usage.completionTokens());
            if (usage.cachedPromptTokens() > 0) {
                cachedTokens.get().increment(usage.cachedPromptTokens());
            }
            if (usage.reasoningTokens() > 0) {
                reasoningTokens.get().increment(usage.reasoningTokens());
            }
            if (usage.pagesProcessed() > 0) {
                pages.get().increment(usage.pagesProcessed());
            }
            if (usage.promptAudioSeconds() > 0) {
                audioSeconds.get().increment(usage.promptAudioSeconds());
            }
        }

        private Counter kongTokens(String type) {
            return Counter.builder("ai_llm_tokens").description("tokens as the provider reported them")
                    .tags(kong.and("token_type", type)).register(registry);
        }

        private DistributionSummary genAiTokens(String type) {
            // No base unit: OpenTelemetry's unit is {token}, which its Prometheus spelling leaves out of the name.
            return DistributionSummary.builder("gen_ai_client_token_usage").description("tokens per GenAI operation")
                    .tags(genAi.and("gen_ai_token_type", type)).publishPercentileHistogram().register(registry);
        }
    }

    /**
     * A meter registered the first time it is needed. Two threads registering it at once get the same meter from
     * Micrometer, so the race is harmless.
     */
    private static final class OnFirstUse<M> {
        private final Supplier<M> register;
        private volatile M meter;

        OnFirstUse(Supplier<M> register) {
            this.register = register;
        }

        M get() {
            M known = meter;
            if (known == null) {
                known = register.get();
                meter = known;
            }
            return known;
        }
    }
}
