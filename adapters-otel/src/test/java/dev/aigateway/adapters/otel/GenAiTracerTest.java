package dev.aigateway.adapters.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.adapters.otel.OtelModule.TracingSettings;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.Message;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteAnalytics;
import dev.aigateway.domain.route.RoutePolicy;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.ports.AttemptEnd;
import dev.aigateway.ports.AttemptSpan;
import dev.aigateway.ports.Cancellation;
import dev.aigateway.ports.Exchange;
import dev.aigateway.ports.ExchangeSpan;
import dev.aigateway.ports.ExchangeTracer;
import dev.aigateway.ports.Payloads;
import dev.aigateway.ports.RequestContext;
import dev.aigateway.ports.Served;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the SDK exports for one exchange, as an OTLP collector receives it. */
class GenAiTracerTest {
    private static final String CLIENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";
    private final OtlpReceiver receiver = receiver();
    private final OtelTracing tracing = OtelTracing.start(new TracingSettings(true, Map.of(
            "otel.exporter.otlp.endpoint", receiver.endpoint(), "otel.bsp.schedule.delay", "20",
            "otel.service.name", "gateway-under-test")));
    private final Route route = Route.single("chat", List.of("/v1/chat/completions"), RouteType.CHAT, 1024, true,
            RoutePolicy.defaults(), new UpstreamTarget("mistral", Optional.of(URI.create("http://127.0.0.1:9/v1")),
                    Optional.empty(), Optional.empty()), RouteAnalytics.none());

    @AfterEach
    void stop() {
        tracing.close();
        receiver.close();
    }

    @Test
    void anExchangeIsAServerSpanContinuingTheClientsTraceWithAClientSpanPerAttempt() throws Exception {
        ExchangeTracer tracer = tracing.tracer();
        RequestContext context = new RequestContext("req-1", Optional.empty(),
                Map.of("traceparent", "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01"), Cancellation.NONE);
        ChatRequest request = ChatRequest.builder().model("mistral-small-latest").temperature(0.2).maxTokens(64).topK(40)
                .message(new Message.User(Content.text("a secret prompt"), Optional.empty())).build();

        ExchangeSpan span = tracer.start(context, "chat", "mistral-small-latest", Optional.of(request));
        AttemptSpan attempt = span.attempt(new Served(route.primary(), 0, 1));
        Map<String, String> upstreamHeaders = attempt.propagation();
        attempt.sending("mistral-small-latest", Optional.of(request));
        Usage usage = new Usage(12, 5, 17);
        attempt.end(new AttemptEnd(Optional.empty(), false, Optional.of("mistral-small-2506"), Optional.of("cmpl-9"),
                List.of("stop"), Optional.of(usage), Optional.of(Duration.ofMillis(40))));
        span.end(new Exchange("req-1", route, new Served(route.primary(), 0, 1), List.of(0), "mistral-small-latest",
                Optional.of("mistral-small-2506"), Optional.of("cmpl-9"), List.of("stop"), true,
                Exchange.Outcome.COMPLETED, Optional.empty(), Optional.of(usage), Duration.ofMillis(90),
                Optional.of(Duration.ofMillis(40)), Optional.empty(), Optional.empty(), false, 1,
                span.traceId(), Payloads.NONE));

        List<OtlpReceiver.Received> spans = receiver.await(2, s -> true, Duration.ofSeconds(10));
        assertThat(spans).hasSize(2);
        OtlpReceiver.Received server = spans.stream().filter(s -> s.span().getKind()
                == io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER).findFirst().orElseThrow();
        OtlpReceiver.Received client = spans.stream().filter(s -> s != server).findFirst().orElseThrow();
        assertThat(server.traceId()).isEqualTo(CLIENT_TRACE).isEqualTo(span.traceId().orElseThrow());
        assertThat(server.parentSpanId()).isEqualTo(CLIENT_SPAN);
        assertThat(server.name()).isEqualTo("chat mistral-small-latest");
        assertThat(server.serviceName()).isEqualTo("gateway-under-test");
        assertThat(server.attribute("gen_ai.provider.name")).contains("mistral_ai");
        assertThat(server.attribute("gen_ai.request.temperature")).contains("0.2");
        assertThat(server.attribute("gen_ai.request.max_tokens")).contains("64");
        assertThat(server.attribute("gen_ai.request.top_k")).contains("40");
        assertThat(server.attribute("gen_ai.usage.input_tokens")).contains("12");
        assertThat(server.attribute("gen_ai.usage.output_tokens")).contains("5");
        assertThat(server.attribute("gen_ai.response.finish_reasons")).contains("stop");
        assertThat(server.attribute("aigateway.route")).contains("chat");
        assertThat(client.parentSpanId()).isEqualTo(server.spanId());
        assertThat(client.span().getKind()).isEqualTo(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT);
        assertThat(client.attribute("server.address")).contains("127.0.0.1");
        assertThat(client.attribute("server.port")).contains("9");
        assertThat(client.attribute("gen_ai.response.id")).contains("cmpl-9");
        assertThat(client.attribute("gen_ai.response.model")).contains("mistral-small-2506");
        assertThat(client.eventNames()).containsExactly("gen_ai.first_chunk");
        assertThat(upstreamHeaders.get("traceparent")).isEqualTo("00-" + CLIENT_TRACE + "-" + client.spanId() + "-01");
        assertThat(spans).allSatisfy(s -> assertThat(s.span().toString()).doesNotContain("a secret prompt"));
    }

    @Test
    void settingsTheSdkRefusesAreABadConfigurationNamedAtStart() {
        assertThatThrownBy(() -> OtelTracing.start(new TracingSettings(true, Map.of("otel.traces.sampler",
                "sometimes")))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tracing: ")
                .hasMessageContaining("sometimes");
    }

    @Test
    void offMeansNoSpanAndNoTraceContext() {
        try (OtelTracing off = OtelTracing.start(TracingSettings.OFF)) {
            assertThat(off.tracer()).isSameAs(ExchangeTracer.OFF);
        }
    }

    private static OtlpReceiver receiver() {
        try {
            return new OtlpReceiver();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
