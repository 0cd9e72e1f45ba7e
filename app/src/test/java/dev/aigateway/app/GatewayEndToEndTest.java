package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.fakemistral.FakeMistral;
import dev.aigateway.fakemistral.FakeReply;
import dev.aigateway.fakemistral.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real server on a free port, configured by YAML, in front of the strict fake Mistral. */
class GatewayEndToEndTest {
    private static final String KEY = "sk-e2e-4f3a2b1c0d9e8f7a";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey(KEY)
            .routes(mistral -> """
                  - name: fixed
                    paths: [/fixed/chat]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          auth: { header_name: Authorization, header_value: "Bearer %s" }
                          model:
                            provider: mistral
                            name: mistral-large-latest
                            options: { upstream_url: "%s", temperature: 0.2, tuning_precedence: config }
                """.formatted(KEY, mistral.baseUri()));

    @Test
    void aReplayedReasoningReachesMistralAsAThinkingChunkItsSchemaAccepts() throws Exception {
        HttpResponse<String> response = fixture.http().post("/v1/chat/completions", "{\"model\":\"magistral-small"
                + "-latest\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\","
                + "\"content\":\"Hello\",\"reasoning_content\":\"greet back\"},{\"role\":\"user\",\"content\":"
                + "\"again\"}]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode replayed = fixture.mistral().lastRequest().json().at("/messages/1/content");
        assertThat(replayed.at("/0/type").asText()).isEqualTo("thinking");
        assertThat(replayed.at("/0/thinking/0/text").asText()).isEqualTo("greet back");
        assertThat(replayed.at("/1/text").asText()).isEqualTo("Hello");
    }

    @Test
    void translatesAnOpenAiChatForMistralAndTheAnswerBack() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", """
                {"model": "mistral-small-latest",
                 "messages": [{"role": "developer", "content": "Answer briefly."},
                              {"role": "user", "content": "Hello?", "name": "ann"}],
                 "seed": 42, "max_completion_tokens": 64, "user": "end-user-7",
                 "store": false, "logprobs": false}
                """);

        RecordedRequest sent = fixture.mistral().lastRequest();
        JsonNode upstream = sent.json();
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("authorization")).contains("Bearer " + KEY);
        assertThat(upstream.path("random_seed").asLong()).isEqualTo(42);
        assertThat(upstream.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(upstream.has("seed")).isFalse();
        assertThat(upstream.has("max_completion_tokens")).isFalse();
        assertThat(upstream.has("user")).isFalse();
        assertThat(upstream.has("store")).isFalse();
        assertThat(upstream.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(upstream.at("/messages/1").has("name")).isFalse();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(response.headers().firstValue("x-kong-llm-model")).contains("mistral/mistral-small-latest");
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("object").asText()).isEqualTo("chat.completion");
        assertThat(answer.at("/choices/0/message/role").asText()).isEqualTo("assistant");
        assertThat(answer.at("/choices/0/message/content").asText()).isEqualTo(FakeMistral.DEFAULT_ANSWER);
        assertThat(answer.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(answer.at("/usage/prompt_tokens").asInt()).isEqualTo(FakeMistral.PROMPT_TOKENS);
        assertThat(answer.at("/usage/completion_tokens").asInt()).isEqualTo(FakeMistral.COMPLETION_TOKENS);
        assertThat(answer.at("/usage/total_tokens").asInt()).isEqualTo(FakeMistral.TOTAL_TOKENS);
    }

    @Test
    void aRouteWithAFixedModelRefusesAnotherWithKongsMessage() throws Exception {
        HttpResponse<String> response = post("/fixed/chat",
                "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).path("message").asText())
                .isEqualTo("cannot use own model - must be: mistral-large-latest");
        assertThat(error(response).path("param").asText()).isEqualTo("model");
        assertThat(fixture.mistral().requests()).isEmpty();
    }

    @Test
    void aRequestWithoutAnyModelIsRefusedWithKongsMessage() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).path("message").asText())
                .isEqualTo("model parameter not found in request, nor in gateway configuration");
        assertThat(fixture.mistral().requests()).isEmpty();
    }

    @Test
    void aFixedModelAndConfiguredTuningReachMistral() throws Exception {
        HttpResponse<String> response = post("/fixed/chat",
                "{\"temperature\":1.2,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode upstream = fixture.mistral().lastRequest().json();
        assertThat(upstream.path("model").asText()).isEqualTo("mistral-large-latest");
        assertThat(upstream.path("temperature").asDouble()).isEqualTo(0.2);
    }

    @Test
    void streamsOpenAiChunksEndingWithDoneAndItsBlankLine() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", "{\"model\":\"m\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("text/event-stream");
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        assertThat(fixture.mistral().lastRequest().json().has("stream_options")).isFalse();
        String[] events = response.body().split("\n\n");
        JsonNode usageChunk = JSON.readTree(events[events.length - 2].substring("data: ".length()));
        assertThat(usageChunk.path("choices")).isEmpty();
        assertThat(usageChunk.at("/usage/total_tokens").asInt()).isEqualTo(FakeMistral.TOTAL_TOKENS);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < events.length - 2; i++) {
            text.append(JSON.readTree(events[i].substring("data: ".length())).at("/choices/0/delta/content").asText());
        }
        assertThat(text.toString()).isEqualTo(FakeMistral.DEFAULT_ANSWER);
    }

    @Test
    void anUpstreamValidationErrorArrivesAsAnOpenAiEnvelopeWithAStringMessage() throws Exception {
        fixture.mistral().enqueue(FakeReply.error(422, "{\"object\":\"error\",\"message\":{\"detail\":[{\"type\":"
                + "\"extra_forbidden\",\"loc\":[\"body\",\"novel_field\"],\"msg\":\"Extra inputs are not permitted\"}]},"
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}"));

        HttpResponse<String> response = post("/v1/chat/completions",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(error(response).path("message").asText())
                .isEqualTo("novel_field: Extra inputs are not permitted");
        assertThat(error(response).path("param").asText()).isEqualTo("novel_field");
    }

    @Test
    void embedsThroughTheEmbeddingsRoute() throws Exception {
        HttpResponse<String> response = post("/v1/embeddings",
                "{\"model\":\"mistral-embed\",\"input\":[\"a\",\"b\"],\"user\":\"u\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.at("/data/1/embedding/0").asDouble()).isEqualTo(FakeMistral.vectorOf("b", 8)[0]);
        assertThat(fixture.mistral().lastRequest().path()).isEqualTo("/v1/embeddings");
    }

    @Test
    void answersUnknownPathsAndWrongMethodsWithTheEnvelope() throws Exception {
        HttpResponse<String> unknown = post("/v1/nothing-here", "{}");
        HttpResponse<String> wrongMethod = CLIENT.send(HttpRequest.newBuilder(uri("/v1/chat/completions")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(error(unknown).path("message").isTextual()).isTrue();
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("allow")).contains("POST");
        assertThat(error(wrongMethod).path("code").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void readinessTurnsDownWhenShutdownBeginsWhileLivenessStaysUp() throws Exception {
        assertThat(fixture.http().get("/health/ready").statusCode()).isEqualTo(200);

        fixture.gateway().beginShutdown();

        HttpResponse<String> ready = fixture.http().get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("DOWN");
        assertThat(fixture.http().get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void badJsonIsA400AndNeverReachesMistral() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", "{\"model\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(fixture.mistral().requests()).isEmpty();
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + fixture.port() + path);
    }

    private static JsonNode error(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).path("error");
    }
}
