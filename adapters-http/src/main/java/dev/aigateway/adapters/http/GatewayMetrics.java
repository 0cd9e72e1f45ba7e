package dev.aigateway.adapters.http;

import dev.aigateway.domain.Usage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The gateway's Prometheus metrics: Kong's AI names, the OpenTelemetry GenAI metrics in their Prometheus spelling,
 * HTTP server and JVM metrics.
 */
final class GatewayMetrics {
    private static final double[] LATENCY_MS_BUCKETS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000,
        60000};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    GatewayMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The text exposition format, for {@code GET /metrics}. */
    String scrape() {
        return registry.scrape();
    }

    void record(ExchangeRecord exchange) {
        Tags kong = Tags.of("ai_provider", exchange.provider(), "ai_model", exchange.model(),
                "route", exchange.route(), "status", Integer.toString(exchange.status()),
                "target", Integer.toString(exchange.target()));
        Counter.builder("ai_llm_requests").description("AI requests").tags(kong).register(registry).increment();
        DistributionSummary.builder("ai_llm_provider_latency_ms").description("upstream latency in ms")
                .serviceLevelObjectives(LATENCY_MS_BUCKETS).tags(kong).register(registry)
                .record(exchange.upstreamLatency().toNanos() / 1e6);
        exchange.usage().ifPresent(usage -> tokens(kong, usage));
        exchange.cost().ifPresent(cost -> Counter.builder("ai_llm_cost").description("cost of the tokens")
                .tags(kong).register(registry).increment(cost));

        Tags genAi = Tags.of("gen_ai_system", exchange.provider(), "gen_ai_request_model", exchange.model(),
                "gen_ai_operation_name", exchange.operation());
        Timer.builder("gen_ai_client_operation_duration").description("GenAI operation duration").tags(genAi).publishPercentileHistogram()
                .register(registry).record(exchange.upstreamLatency());
        exchange.usage().ifPresent(usage -> {
            genAiTokens(genAi, "input", usage.promptTokens());
            genAiTokens(genAi, "output", usage.completionTokens());
        });
        exchange.timeToFirstToken().ifPresent(ttft -> Timer.builder("gen_ai_server_time_to_first_token")
                .description("time to the first streamed chunk").tags(genAi).publishPercentileHistogram().register(registry).record(ttft));
    }

    /** Every HTTP request the gateway answered, by route path (never the raw path, which is unbounded). */
    void httpRequest(String method, String route, int status, Duration duration) {
        Timer.builder("http_server_requests").description("HTTP requests the gateway answered").tags("method", method, "uri", route, "status", Integer.toString(status))
                .register(registry).record(duration);
    }

    private void tokens(Tags kong, Usage usage) {
        count(kong, "prompt_tokens", usage.promptTokens());
        count(kong, "completion_tokens", usage.completionTokens());
        count(kong, "total_tokens", usage.totalTokens());
    }

    private void count(Tags kong, String type, int tokens) {
        Counter.builder("ai_llm_tokens").description("tokens as the provider reported them")
                .tags(kong.and("token_type", type)).register(registry).increment(tokens);
    }

    private void genAiTokens(Tags genAi, String type, int tokens) {
        // No base unit: OpenTelemetry's unit is {token}, which its Prometheus spelling leaves out of the name.
        DistributionSummary.builder("gen_ai_client_token_usage").description("tokens per GenAI operation")
                .tags(genAi.and("gen_ai_token_type", type)).publishPercentileHistogram().register(registry)
                .record(tokens);
    }
}
