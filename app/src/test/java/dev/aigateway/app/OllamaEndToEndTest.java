package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.fakemistral.FakeMistral;
import dev.aigateway.fakeollama.FakeOllama;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ollama's native API behind the OpenAI surface: {@code provider: ollama} chat and embeddings routes, a Mistral
 * route in {@code mistral_format: ollama}, and an AI Proxy Advanced route failing over between Ollama and Mistral.
 */
class OllamaEndToEndTest {
    private static final String KEY = "sk-ollama-e2e-0123456789";
    private static final String HELLO = "{\"model\":\"mistral:7b\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final int TOTAL = FakeOllama.PROMPT_TOKENS + FakeOllama.COMPLETION_TOKENS;

    private final FakeOllama ollama = FakeOllama.start();

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey(KEY).routes(mistral -> """
              - name: ollama-chat
                paths: [/ollama/chat]
                plugins:
                  - name: ai-proxy
                    config:
                      route_type: llm/v1/chat
                      model: { provider: ollama, options: { upstream_url: "%1$s/api/chat" } }
              - name: ollama-embeddings
                paths: [/ollama/embeddings]
                plugins:
                  - name: ai-proxy
                    config:
                      route_type: llm/v1/embeddings
                      model: { provider: ollama, name: nomic-embed-text, options: { upstream_url: "%1$s" } }
              - name: self-hosted
                paths: [/self-hosted/chat]
                plugins:
                  - name: ai-proxy
                    config:
                      route_type: llm/v1/chat
                      model:
                        provider: mistral
                        name: mistral:7b
                        options: { mistral_format: ollama, upstream_url: "%1$s/api/chat" }
              - name: ollama-then-mistral
                paths: [/resilient/chat]
                plugins:
                  - name: ai-proxy-advanced
                    config:
                      balancer: { algorithm: priority }
                      targets:
                        - route_type: llm/v1/chat
                          weight: 200
                          model: { provider: ollama, name: mistral:7b, options: { upstream_url: "http://127.0.0.1:%2$d" } }
                        - route_type: llm/v1/chat
                          weight: 100
                          auth: { header_name: Authorization, header_value: "Bearer %3$s" }
                          model: { provider: mistral, name: mistral-small-latest, options: { upstream_url: "%4$s" } }
            """.formatted(ollama.baseUri(), closedPort(), KEY, mistral.baseUri()));

    @AfterEach
    void stop() {
        ollama.close();
    }

    @Test
    void chatsThroughOllamaWithItsExactTokens() throws Exception {
        for (String path : List.of("/ollama/chat", "/self-hosted/chat")) {
            HttpResponse<String> response = fixture.http().post(path, HELLO);

            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            JsonNode answer = HttpExchanges.JSON.readTree(response.body());
            assertThat(answer.at("/choices/0/message/content").asText()).isEqualTo(FakeOllama.ANSWER);
            assertThat(answer.at("/usage/total_tokens").asInt()).isEqualTo(TOTAL);
            assertThat(ollama.lastRequest().path("stream").asBoolean(true)).isFalse();
        }
        assertThat(fixture.mistral().requests()).as("the self-hosted route went to Ollama, not Mistral").isEmpty();
    }

    @Test
    void streamsWithExactUsageInTheLastChunkOrInAUsageChunkWhenAskedFor() throws Exception {
        List<String> plain = events(fixture.http().post("/ollama/chat",
                HELLO.replace("{", "{\"stream\":true,")).body());
        List<String> withUsage = events(fixture.http().post("/ollama/chat",
                HELLO.replace("{", "{\"stream\":true,\"stream_options\":{\"include_usage\":true},")).body());

        assertThat(text(plain)).isEqualTo(FakeOllama.ANSWER);
        assertThat(plain.get(plain.size() - 1)).isEqualTo("[DONE]");
        JsonNode lastChunk = HttpExchanges.JSON.readTree(plain.get(plain.size() - 2));
        assertThat(lastChunk.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(lastChunk.at("/usage/total_tokens").asInt()).as("as Mistral streams do").isEqualTo(TOTAL);
        assertThat(text(withUsage)).isEqualTo(FakeOllama.ANSWER);
        JsonNode usageChunk = HttpExchanges.JSON.readTree(withUsage.get(withUsage.size() - 2));
        assertThat(usageChunk.path("choices")).isEmpty();
        assertThat(usageChunk.at("/usage/total_tokens").asInt()).isEqualTo(TOTAL);
        assertThat(withUsage.subList(0, withUsage.size() - 2)).noneMatch(event -> event.contains("\"usage\""));
    }

    @Test
    void aToolRoundTripKeepsItsIdAndSendsObjectArguments() throws Exception {
        String tools = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                + "\"parameters\":{\"type\":\"object\"}}}]";
        JsonNode first = HttpExchanges.JSON.readTree(fixture.http().post("/ollama/chat",
                HELLO.replace("{", "{" + tools + ",")).body());
        JsonNode call = first.at("/choices/0/message/tool_calls/0");

        assertThat(first.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(call.path("id").asText()).startsWith("call_");
        assertThat(call.at("/function/arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");

        String replay = "{\"model\":\"mistral:7b\"," + tools + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + call + "]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"" + call.path("id").asText() + "\",\"content\":\"sunny\"}]}";
        JsonNode second = HttpExchanges.JSON.readTree(fixture.http().post("/ollama/chat", replay).body());

        assertThat(second.at("/choices/0/message/content").asText()).isEqualTo("Tool result: sunny");
        assertThat(ollama.lastRequest().at("/messages/1/tool_calls/0/function/arguments/city").asText())
                .isEqualTo("Paris");
    }

    @Test
    void embedsWithOllamasVectorsAndUsage() throws Exception {
        JsonNode answer = HttpExchanges.JSON.readTree(fixture.http().post("/ollama/embeddings",
                "{\"input\":[\"one two\",\"three\"]}").body());

        assertThat(answer.path("data")).hasSize(2);
        assertThat(answer.at("/data/1/embedding/0").asDouble()).isEqualTo(FakeOllama.vectorOf("three", 8)[0]);
        assertThat(answer.at("/usage/prompt_tokens").asInt()).isEqualTo(3);
    }

    @Test
    void anOllamaTargetThatIsDownFailsOverToMistral() throws Exception {
        // No model in the request: each target has its own.
        HttpResponse<String> response = fixture.http().post("/resilient/chat",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-gateway-target")).contains("1");
        assertThat(response.headers().firstValue("x-gateway-attempts")).contains("2");
        assertThat(HttpExchanges.JSON.readTree(response.body()).at("/choices/0/message/content").asText())
                .isEqualTo(FakeMistral.DEFAULT_ANSWER);
    }

    @Test
    void theModelListHasOllamasModels() throws Exception {
        JsonNode list = HttpExchanges.JSON.readTree(fixture.http().get("/v1/models").body());

        assertThat(list.path("data").findValuesAsText("id")).contains("mistral:7b", "nomic-embed-text");
    }

    private static List<String> events(String body) {
        return body.lines().filter(line -> line.startsWith("data: ")).map(line -> line.substring(6)).toList();
    }

    private static String text(List<String> events) {
        return events.stream().filter(event -> event.startsWith("{")).map(event -> {
            try {
                return HttpExchanges.JSON.readTree(event).at("/choices/0/delta/content").asText("");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).collect(Collectors.joining());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
