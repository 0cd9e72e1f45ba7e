package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.adapters.otel.OtlpReceiver.Received;
import dev.aigateway.adapters.otel.OtlpReceiver;
import dev.aigateway.fakemistral.FakeMistral;
import dev.aigateway.fakemistral.FakeReply;
import dev.aigateway.fakemistral.RecordedRequest;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the running gateway exports over OTLP, as a collector decodes it: a server span per exchange continuing the
 * client's trace, a client span per upstream attempt whose context went upstream, the GenAI attributes and the
 * provider's exact token counts, and never the prompt.
 */
class TracingTest {
    private static final String KEY = "sk-traced-0123456789";
    private static final String PROMPT = "a very private prompt";
    private static final String HELLO = "{\"model\":\"mistral-small-latest\",\"temperature\":0.4,\"max_tokens\":50,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]}";
    private static final String CLIENT_TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String CLIENT_SPAN = "b7ad6b7169203331";
    private static final OtlpReceiver COLLECTOR = collector();
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private AnalyticsLog analytics;

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey(KEY)
            .serverSettings("tracing: { enabled: true, endpoint: \"" + COLLECTOR.endpoint()
                    + "\", export_delay_ms: 20, service_name: traced-gateway }")
            .routes(mistral -> """
                  - name: traced
                    paths: [/traced/chat]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                          logging: { log_statistics: true }
                          model: { provider: mistral, options: { upstream_url: "%2$s" } }
                  - name: traced-embeddings
                    paths: [/traced/embeddings]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/embeddings
                          auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                          model: { provider: mistral, name: mistral-embed, options: { upstream_url: "%2$s" } }
                  - name: traced-failover
                    paths: [/traced/failover]
                    plugins:
                      - name: ai-proxy-advanced
                        config:
                          balancer: { algorithm: priority, retries: 1, failover_criteria: [error] }
                          targets:
                            - route_type: llm/v1/chat
                              weight: 100
                              auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                              model: { provider: mistral, options: { upstream_url: "http://127.0.0.1:%3$d/v1" } }
                            - route_type: llm/v1/chat
                              weight: 10
                              auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                              model: { provider: mistral, options: { upstream_url: "%2$s" } }
                """.formatted(KEY, mistral.baseUri(), closedPort()));

    @BeforeEach
    void start() {
        analytics = AnalyticsLog.capture();
    }

    @AfterEach
    void stop() {
        analytics.close();
    }

    @AfterAll
    static void stopCollector() {
        COLLECTOR.close();
    }

    @Test
    void aChatContinuesTheClientsTraceAndItsAttemptsContextGoesUpstream() throws Exception {
        HttpResponse<String> response = fixture.http().post("/traced/chat", HELLO,
                "traceparent", "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01", "tracestate", "vendor=opaque-7");

        assertThat(response.statusCode()).isEqualTo(200);
        List<Received> spans = COLLECTOR.await(2, inTrace(CLIENT_TRACE), PATIENCE);
        Received server = only(spans, SpanKind.SPAN_KIND_SERVER);
        Received client = only(spans, SpanKind.SPAN_KIND_CLIENT);
        assertThat(server.parentSpanId()).isEqualTo(CLIENT_SPAN);
        assertThat(server.name()).isEqualTo("chat mistral-small-latest");
        assertThat(server.serviceName()).isEqualTo("traced-gateway");
        assertThat(server.attribute("gen_ai.operation.name")).contains("chat");
        assertThat(server.attribute("gen_ai.provider.name")).contains("mistral_ai");
        assertThat(server.attribute("gen_ai.request.model")).contains("mistral-small-latest");
        assertThat(server.attribute("gen_ai.request.temperature")).contains("0.4");
        assertThat(server.attribute("gen_ai.request.max_tokens")).contains("50");
        assertThat(server.attribute("gen_ai.usage.input_tokens")).contains(
                Integer.toString(FakeMistral.PROMPT_TOKENS));
        assertThat(server.attribute("gen_ai.usage.output_tokens")).contains(
                Integer.toString(FakeMistral.COMPLETION_TOKENS));
        assertThat(server.attribute("gen_ai.response.finish_reasons")).contains("stop");
        assertThat(server.attribute("gen_ai.response.id")).isPresent();
        assertThat(server.attribute("aigateway.route")).contains("traced");
        assertThat(client.parentSpanId()).isEqualTo(server.spanId());
        assertThat(client.attribute("server.address")).contains("127.0.0.1");
        assertThat(client.attribute("gen_ai.response.model")).isPresent();
        RecordedRequest upstream = fixture.mistral().lastRequest();
        assertThat(upstream.header("traceparent")).contains("00-" + CLIENT_TRACE + "-" + client.spanId() + "-01");
        assertThat(upstream.header("tracestate")).as("the client's tracestate travels on").contains("vendor=opaque-7");
        JsonNode line = HttpExchanges.JSON.readTree(analytics.awaitLines(1).get(0));
        assertThat(line.get("trace_id").asText()).isEqualTo(CLIENT_TRACE);
        assertThat(spans).allSatisfy(span -> assertThat(span.span().toString()).doesNotContain(PROMPT));
    }

    @Test
    void aStreamMarksItsFirstChunkAndCountsItsTokens() throws Exception {
        fixture.http().post("/traced/chat", HELLO.replace("{", "{\"stream\":true,"),
                "traceparent", "00-" + CLIENT_TRACE.replace('0', '1') + "-" + CLIENT_SPAN + "-01");

        List<Received> spans = COLLECTOR.await(2, inTrace(CLIENT_TRACE.replace('0', '1')), PATIENCE);
        Received server = only(spans, SpanKind.SPAN_KIND_SERVER);
        Received client = only(spans, SpanKind.SPAN_KIND_CLIENT);
        assertThat(server.attribute("gen_ai.response.time_to_first_chunk")).isPresent();
        assertThat(server.attribute("gen_ai.usage.output_tokens")).contains(
                Integer.toString(FakeMistral.COMPLETION_TOKENS));
        assertThat(server.attribute("aigateway.outcome")).contains("completed");
        assertThat(client.eventNames()).containsExactly("gen_ai.first_chunk");
        assertThat(spans).allSatisfy(span -> assertThat(span.span().toString()).doesNotContain(PROMPT));
    }

    @Test
    void embeddingsAreTracedWithTheirInputTokens() throws Exception {
        fixture.http().post("/traced/embeddings", "{\"input\":[\"" + PROMPT + "\"]}",
                "traceparent", "00-" + CLIENT_TRACE.replace('0', '2') + "-" + CLIENT_SPAN + "-01");

        List<Received> spans = COLLECTOR.await(2, inTrace(CLIENT_TRACE.replace('0', '2')), PATIENCE);
        Received server = only(spans, SpanKind.SPAN_KIND_SERVER);
        assertThat(server.name()).isEqualTo("embeddings mistral-embed");
        assertThat(server.attribute("gen_ai.operation.name")).contains("embeddings");
        assertThat(server.attribute("gen_ai.usage.input_tokens")).isPresent();
        assertThat(spans).allSatisfy(span -> assertThat(span.span().toString()).doesNotContain(PROMPT));
    }

    @Test
    void aFailoverIsOneClientSpanPerTargetTriedWithTheReason() throws Exception {
        HttpResponse<String> response = fixture.http().post("/traced/failover", HELLO,
                "traceparent", "00-" + CLIENT_TRACE.replace('0', '3') + "-" + CLIENT_SPAN + "-01");

        assertThat(response.statusCode()).isEqualTo(200);
        List<Received> spans = COLLECTOR.await(3, inTrace(CLIENT_TRACE.replace('0', '3')), PATIENCE);
        Received server = only(spans, SpanKind.SPAN_KIND_SERVER);
        List<Received> attempts = spans.stream().filter(s -> s.span().getKind() == SpanKind.SPAN_KIND_CLIENT)
                .sorted(java.util.Comparator.comparingLong(s -> s.span().getStartTimeUnixNano())).toList();
        assertThat(attempts).hasSize(2).allSatisfy(a -> assertThat(a.parentSpanId()).isEqualTo(server.spanId()));
        assertThat(attempts.get(0).attribute("error.type")).contains("upstream_unreachable");
        assertThat(attempts.get(0).attribute("aigateway.failover")).contains("true");
        assertThat(attempts.get(0).span().getStatus().getCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
        assertThat(attempts.get(1).attribute("error.type")).isEmpty();
        assertThat(attempts.get(1).attribute("aigateway.target")).contains("1");
        assertThat(server.attribute("error.type")).isEmpty();
    }

    @Test
    void anAbortedStreamEndsItsSpansInError() throws Exception {
        fixture.mistral().enqueue(new FakeReply.Reset("one two three four", 2));
        fixture.http().post("/traced/chat", HELLO.replace("{", "{\"stream\":true,"),
                "traceparent", "00-" + CLIENT_TRACE.replace('0', '4') + "-" + CLIENT_SPAN + "-01");

        List<Received> spans = COLLECTOR.await(2, inTrace(CLIENT_TRACE.replace('0', '4')), PATIENCE);
        Received server = only(spans, SpanKind.SPAN_KIND_SERVER);
        Received client = only(spans, SpanKind.SPAN_KIND_CLIENT);
        assertThat(server.attribute("aigateway.outcome")).contains("aborted");
        assertThat(server.span().getStatus().getCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
        assertThat(server.attribute("error.type")).isPresent();
        assertThat(client.attribute("error.type")).isPresent();
        assertThat(server.attribute("gen_ai.usage.input_tokens")).as("no usage arrived before the cut").isEmpty();
    }

    @Test
    void aRequestWithoutTraceContextStartsATraceOfItsOwn() throws Exception {
        fixture.http().post("/traced/chat", HELLO);

        JsonNode line = HttpExchanges.JSON.readTree(analytics.awaitLines(1).get(0));
        String traceId = line.get("trace_id").asText();
        assertThat(traceId).hasSize(32).isNotEqualTo("0".repeat(32));
        List<Received> spans = COLLECTOR.await(2, inTrace(traceId), PATIENCE);
        assertThat(only(spans, SpanKind.SPAN_KIND_SERVER).parentSpanId()).isEmpty();
    }

    private static java.util.function.Predicate<Received> inTrace(String traceId) {
        return span -> span.traceId().equals(traceId);
    }

    private static Received only(List<Received> spans, SpanKind kind) {
        List<Received> ofKind = spans.stream().filter(s -> s.span().getKind() == kind).toList();
        assertThat(ofKind).as(kind + " spans in " + spans).hasSize(1);
        return ofKind.get(0);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OtlpReceiver collector() {
        try {
            return new OtlpReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
