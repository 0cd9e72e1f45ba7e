package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.fakemistral.FakeMistral;
import dev.aigateway.fakeollama.FakeOllama;
import dev.aigateway.fakeopenai.FakeOpenAi;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One config with every provider side by side (Mistral, Mistral in Ollama's format, Ollama, OpenAI): each route
 * answers with its upstream's exact tokens, in the answer, in {@code /metrics} under its provider's name, and in the
 * analytics log line.
 */
class AllProvidersEndToEndTest {
    private static final String KEY = "sk-all-providers-0123456789";
    private static final String OPENAI_KEY = "sk-openai-all-0123456789";
    private static final String HI = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
    private static final int OLLAMA_TOTAL = FakeOllama.PROMPT_TOKENS + FakeOllama.COMPLETION_TOKENS;
    private static final int OPENAI_TOTAL = FakeOpenAi.PROMPT_TOKENS + FakeOpenAi.COMPLETION_TOKENS;

    private final FakeOllama ollama = FakeOllama.start();
    private final FakeOpenAi openAi = FakeOpenAi.start(OPENAI_KEY);
    private AnalyticsLog analytics;

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey(KEY).routes(mistral -> """
              - name: self-hosted
                paths: [/self-hosted/chat]
                plugins:
                  - name: ai-proxy
                    config:
                      route_type: llm/v1/chat
                      logging: { log_statistics: true }
                      model:
                        provider: mistral
                        name: mistral:7b
                        options: { mistral_format: ollama, upstream_url: "%1$s/api/chat" }
              - name: ollama-chat
                paths: [/ollama/chat]
                plugins:
                  - name: ai-proxy
                    config:
                      route_type: llm/v1/chat
                      logging: { log_statistics: true }
                      model: { provider: ollama, name: mistral:7b, options: { upstream_url: "%1$s" } }
              - name: ollama-embeddings
                paths: [/ollama/embeddings]
                plugins:
                  - name: ai-proxy
                    config:
                      route_type: llm/v1/embeddings
                      model: { provider: ollama, name: nomic-embed-text, options: { upstream_url: "%1$s" } }
              - name: openai-chat
                paths: [/openai/chat]
                plugins:
                  - name: ai-proxy
                    config:
                      route_type: llm/v1/chat
                      logging: { log_statistics: true }
                      auth: { header_name: Authorization, header_value: "Bearer %3$s" }
                      model: { provider: openai, name: gpt-4o-mini, options: { upstream_url: "%2$s" } }
              - name: openai-embeddings
                paths: [/openai/embeddings]
                plugins:
                  - name: ai-proxy
                    config:
                      route_type: llm/v1/embeddings
                      auth: { header_name: Authorization, header_value: "Bearer %3$s" }
                      model: { provider: openai, name: text-embedding-3-small, options: { upstream_url: "%2$s" } }
            """.formatted(ollama.baseUri(), openAi.baseUri(), OPENAI_KEY));

    @BeforeEach
    void listen() {
        analytics = AnalyticsLog.capture();
    }

    @AfterEach
    void stop() {
        analytics.close();
        ollama.close();
        openAi.close();
    }

    @Test
    void everyProviderAnswersWithItsExactTokensInTheAnswerTheMetricsAndTheLogLine() throws Exception {
        Map<String, Integer> totals = Map.of("/v1/chat/completions", FakeMistral.TOTAL_TOKENS,
                "/self-hosted/chat", OLLAMA_TOTAL, "/ollama/chat", OLLAMA_TOTAL, "/openai/chat", OPENAI_TOTAL);
        for (Map.Entry<String, Integer> route : totals.entrySet()) {
            HttpResponse<String> response = fixture.http().post(route.getKey(), "{" + HI + ",\"model\":"
                    + (route.getKey().startsWith("/v1") ? "\"mistral-small-latest\"" : "null") + "}");

            assertThat(response.statusCode()).as(route.getKey() + ": " + response.body()).isEqualTo(200);
            assertThat(HttpExchanges.JSON.readTree(response.body()).at("/usage/total_tokens").asInt())
                    .as(route.getKey()).isEqualTo(route.getValue());
        }

        String metrics = fixture.http().get("/metrics").body();
        assertThat(tokens(metrics, "mistral", "self-hosted")).isEqualTo(OLLAMA_TOTAL);
        assertThat(tokens(metrics, "ollama", "ollama-chat")).isEqualTo(OLLAMA_TOTAL);
        assertThat(tokens(metrics, "openai", "openai-chat")).isEqualTo(OPENAI_TOTAL);
        assertThat(analytics.lines()).hasSize(3).allSatisfy(line -> assertThat(line).contains("\"total_tokens\":"));
        assertThat(analytics.lines().stream().map(AllProvidersEndToEndTest::json)
                .map(line -> line.at("/ai/proxy/meta/provider_name").asText()).toList())
                .containsExactlyInAnyOrder("mistral", "ollama", "openai");
    }

    @Test
    void aStreamWithoutIncludeUsageCarriesTheUsageInItsLastChunkForEveryProvider() throws Exception {
        for (String path : List.of("/v1/chat/completions", "/ollama/chat", "/openai/chat")) {
            String body = fixture.http().post(path, "{" + HI + ",\"stream\":true,\"model\":"
                    + (path.startsWith("/v1") ? "\"mistral-small-latest\"" : "null") + "}").body();
            List<String> events = body.lines().filter(line -> line.startsWith("data: {")).toList();

            JsonNode last = json(events.get(events.size() - 1).substring(6));
            assertThat(last.at("/choices/0/finish_reason").asText()).as(path).isEqualTo("stop");
            assertThat(last.at("/usage/total_tokens").asInt()).as(path).isPositive();
            assertThat(events.subList(0, events.size() - 1)).as(path).noneMatch(event -> event.contains("\"usage\""));
        }
    }

    @Test
    void everyProviderEmbeds() throws Exception {
        for (String path : List.of("/v1/embeddings", "/ollama/embeddings", "/openai/embeddings")) {
            HttpResponse<String> response = fixture.http().post(path, "{\"input\":[\"a\",\"b\"],\"model\":"
                    + (path.startsWith("/v1") ? "\"mistral-embed\"" : "null") + "}");

            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            assertThat(HttpExchanges.JSON.readTree(response.body()).path("data")).as(path).hasSize(2);
        }
    }

    /** The {@code ai_llm_tokens_total} sample of {@code total_tokens} for a provider and a route. */
    private static double tokens(String metrics, String provider, String route) {
        return metrics.lines().filter(line -> line.startsWith("ai_llm_tokens_total{"))
                .filter(line -> line.contains("ai_provider=\"" + provider + "\"") && line.contains("route=\""
                        + route + "\"") && line.contains("token_type=\"total_tokens\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no tokens for " + provider + " on " + route));
    }

    private static JsonNode json(String text) {
        try {
            return HttpExchanges.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
