package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.fakemistral.FakeMistral;
import dev.aigateway.fakemistral.FakeReply;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Exact token numbers, in the analytics log line and in /metrics, for every kind of request and for cut streams. */
class ObservabilityTest {
    private static final String KEY = "sk-observed-0123456789";
    private static final double COST = (FakeMistral.PROMPT_TOKENS * 2.0 + FakeMistral.COMPLETION_TOKENS * 6.0) / 1e6;
    private static final String HELLO = "{\"model\":\"mistral-small-latest\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"hi\"}]}";

    private AnalyticsLog analytics;

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey(KEY)
            .routes(mistral -> """
                  - name: observed
                    paths: [/observed/chat]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                          logging: { log_statistics: true }
                          model: { provider: mistral, options: { upstream_url: "%2$s", input_cost: 2.0, output_cost: 6.0 } }
                  - name: cached
                    paths: [/cached/chat]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                          logging: { log_statistics: true }
                          model: { provider: mistral, options: { upstream_url: "%2$s", input_cost: 2.0,
                                   output_cost: 6.0, cached_input_cost: 0.2 } }
                  - name: observed-embeddings
                    paths: [/observed/embeddings]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/embeddings
                          auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                          logging: { log_statistics: true }
                          model: { provider: mistral, options: { upstream_url: "%2$s", input_cost: 2.0, output_cost: 6.0 } }
                """.formatted(KEY, mistral.baseUri()));

    @BeforeEach
    void start() {
        analytics = AnalyticsLog.capture();
    }

    @AfterEach
    void stop() {
        analytics.close();
    }

    @Test
    void everyKindOfRequestLogsAndCountsTheProvidersExactUsageAndCost() throws Exception {
        HttpResponse<String> oneshot = fixture.http().post("/observed/chat", HELLO);
        fixture.http().post("/observed/chat", HELLO.replace("{", "{\"stream\":true,"));
        fixture.http().post("/observed/chat",
                HELLO.replace("{", "{\"stream\":true,\"stream_options\":{\"include_usage\":true},"));
        fixture.mistral().enqueue(FakeReply.toolCall("Ab3dEf6hI", "get_weather", "{}"));
        fixture.http().post("/observed/chat", HELLO);
        fixture.http().post("/observed/embeddings",
                "{\"model\":\"mistral-embed\",\"input\":[\"one two three\",\"four\"]}");
        fixture.http().post("/v1/chat/completions", HELLO);

        assertThat(oneshot.headers().firstValue("x-request-id")).isPresent();
        assertThat(oneshot.headers().firstValue("x-kong-upstream-latency")).isPresent();
        assertThat(oneshot.headers().firstValue("x-kong-proxy-latency")).isPresent();
        assertThat(fixture.mistral().requests().get(0).header("x-request-id"))
                .isEqualTo(oneshot.headers().firstValue("x-request-id"));

        assertThat(analytics.lines()).as("one line per request on routes with log_statistics").hasSize(5);
        List<JsonNode> chat = analytics.lines().subList(0, 4).stream().map(ObservabilityTest::json).toList();
        for (JsonNode line : chat) {
            JsonNode usage = line.at("/ai/proxy/usage");
            assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(FakeMistral.PROMPT_TOKENS);
            assertThat(usage.path("completion_tokens").asInt()).isEqualTo(FakeMistral.COMPLETION_TOKENS);
            assertThat(usage.path("total_tokens").asInt()).isEqualTo(FakeMistral.TOTAL_TOKENS);
            assertThat(usage.path("cost").asDouble()).isCloseTo(COST, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(line.at("/ai/proxy/meta/provider_name").asText()).isEqualTo("mistral");
            assertThat(line.at("/ai/proxy/meta/request_model").asText()).isEqualTo("mistral-small-latest");
            assertThat(line.at("/ai/proxy/meta/aborted").isMissingNode()).isTrue();
        }
        assertThat(chat).extracting(line -> line.at("/ai/proxy/meta/request_mode").asText())
                .containsExactly("oneshot", "stream", "stream", "oneshot");
        assertThat(chat.get(1).at("/ai/proxy/usage/time_to_first_token").isNumber()).isTrue();
        assertThat(chat.get(0).path("request_id").asText()).isEqualTo(oneshot.headers().firstValue("x-request-id")
                .orElseThrow());
        JsonNode embeddings = json(analytics.lines().get(4));
        assertThat(embeddings.at("/ai/proxy/usage/prompt_tokens").asInt()).isEqualTo(4);
        assertThat(embeddings.at("/ai/proxy/usage/cost").asDouble()).isCloseTo(4 * 2.0 / 1e6,
                org.assertj.core.data.Offset.offset(1e-12));

        JsonNode metrics = parsedMetrics();
        String chatLabels = "route=observed,status=200";
        assertThat(sample(metrics, "ai_llm_requests_total", chatLabels)).isEqualTo(4);
        assertThat(sample(metrics, "ai_llm_tokens_total", chatLabels + ",token_type=prompt_tokens"))
                .isEqualTo(4 * FakeMistral.PROMPT_TOKENS);
        assertThat(sample(metrics, "ai_llm_tokens_total", chatLabels + ",token_type=completion_tokens"))
                .isEqualTo(4 * FakeMistral.COMPLETION_TOKENS);
        assertThat(sample(metrics, "ai_llm_tokens_total", chatLabels + ",token_type=total_tokens"))
                .isEqualTo(4 * FakeMistral.TOTAL_TOKENS);
        assertThat(sample(metrics, "ai_llm_cost_total", chatLabels)).isCloseTo(4 * COST,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(sample(metrics, "ai_llm_requests_total", "route=chat,status=200")).isEqualTo(1);
        assertThat(families(metrics)).contains("ai_llm_provider_latency_ms", "gen_ai_client_token_usage",
                "gen_ai_client_operation_duration_seconds", "gen_ai_server_time_to_first_token_seconds",
                "http_server_requests_seconds", "jvm_memory_used_bytes", "jvm_gc_collection_seconds");
    }

    @Test
    void cachedPromptTokensReachTheClientTheLogTheMetricsAndTheCost() throws Exception {
        String cacheable = HELLO.replace("{", "{\"prompt_cache_key\":\"session-1\",");
        HttpResponse<String> miss = fixture.http().post("/cached/chat", cacheable);
        HttpResponse<String> hit = fixture.http().post("/cached/chat", cacheable);
        HttpResponse<String> streamedHit = fixture.http().post("/cached/chat", cacheable.replace("{",
                "{\"stream\":true,\"stream_options\":{\"include_usage\":true},"));

        assertThat(json(miss.body()).at("/usage/prompt_tokens_details").isMissingNode()).isTrue();
        assertThat(json(hit.body()).at("/usage/prompt_tokens_details/cached_tokens").asInt())
                .isEqualTo(FakeMistral.CACHED_TOKENS);
        String usageChunk = streamedHit.body().lines().filter(line -> line.contains("\"usage\":{"))
                .reduce((first, last) -> last).orElseThrow();
        assertThat(json(usageChunk.substring("data: ".length())).at("/usage/prompt_tokens_details/cached_tokens")
                .asInt()).isEqualTo(FakeMistral.CACHED_TOKENS);
        List<String> lines = analytics.awaitLines(3);
        JsonNode hitLine = json(lines.get(1));
        assertThat(hitLine.at("/ai/proxy/usage/cached_tokens").asInt()).isEqualTo(FakeMistral.CACHED_TOKENS);
        double cachedCost = ((FakeMistral.PROMPT_TOKENS - FakeMistral.CACHED_TOKENS) * 2.0
                + FakeMistral.CACHED_TOKENS * 0.2 + FakeMistral.COMPLETION_TOKENS * 6.0) / 1e6;
        assertThat(hitLine.at("/ai/proxy/usage/cost").asDouble()).isCloseTo(cachedCost,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(json(lines.get(0)).at("/ai/proxy/usage/cost").asDouble()).isCloseTo(COST,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(sample(parsedMetrics(), "ai_llm_tokens_total", "route=cached,status=200,token_type=cached_tokens"))
                .isEqualTo(2.0 * FakeMistral.CACHED_TOKENS);
    }

    @Test
    void cutStreamsLogWhatWasSeenAndSayTheyWereAborted() throws Exception {
        fixture.mistral().enqueue(new FakeReply.Reset("one two three four", 2));
        fixture.http().post("/observed/chat", HELLO.replace("{", "{\"stream\":true,"));
        fixture.mistral().enqueue(FakeReply.text("word ".repeat(60).trim()));
        fixture.mistral().paceStreams(Duration.ofMillis(30));
        String body = HELLO.replace("{", "{\"stream\":true,");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), fixture.port())) {
            socket.getOutputStream().write(("POST /observed/chat HTTP/1.1\r\nHost: x\r\nContent-Type: "
                    + "application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null && !line.contains("\"content\":\"word")) {
                // up to the first content event, then leave
            }
        }
        assertThat(analytics.awaitLines(2)).hasSize(2);
        for (String line : analytics.lines()) {
            JsonNode parsed = json(line);
            assertThat(parsed.at("/ai/proxy/meta/aborted").asBoolean()).isTrue();
            assertThat(parsed.at("/ai/proxy/meta/request_mode").asText()).isEqualTo("stream");
            assertThat(parsed.at("/ai/proxy/usage/total_tokens").isMissingNode())
                    .as("no usage arrived before the cut, and none is made up").isTrue();
        }
    }

    private JsonNode parsedMetrics() throws Exception {
        String text = fixture.http().get("/metrics").body();
        Path clients = Path.of(System.getProperty("clients.node.dir", "../clients/node")).toAbsolutePath();
        Process parser = new ProcessBuilder("node", "parse-metrics.mjs").directory(clients.toFile()).start();
        parser.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        parser.getOutputStream().close();
        byte[] parsed = parser.getInputStream().readAllBytes();
        String errors = new String(parser.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(parser.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(parser.exitValue()).as("the Prometheus text parser accepts /metrics: " + errors).isZero();
        return HttpExchanges.JSON.readTree(parsed);
    }

    private static List<String> families(JsonNode metrics) {
        return metrics.findValuesAsText("name");
    }

    /** The value of the one sample of {@code family} whose labels include all of {@code labels} (a=b,c=d). */
    private static double sample(JsonNode metrics, String family, String labels) {
        for (JsonNode metricFamily : metrics) {
            if (!metricFamily.path("name").asText().equals(family)) {
                continue;
            }
            for (JsonNode metric : metricFamily.path("metrics")) {
                boolean matches = true;
                for (String pair : labels.split(",")) {
                    String[] kv = pair.split("=");
                    matches &= metric.path("labels").path(kv[0]).asText().equals(kv[1]);
                }
                if (matches) {
                    return metric.path("value").asDouble();
                }
            }
        }
        throw new AssertionError("no sample of " + family + " with " + labels);
    }

    private static JsonNode json(String line) {
        try {
            return HttpExchanges.JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
