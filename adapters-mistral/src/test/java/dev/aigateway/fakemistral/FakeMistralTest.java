package dev.aigateway.fakemistral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fake must be as strict as Mistral, or the gateway's tests would prove nothing about the real one. */
class FakeMistralTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static FakeMistral fake;

    @BeforeAll
    static void start() {
        fake = FakeMistral.start("test-key");
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    void answersAValidChatRequestWithUsage() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", "test-key",
                "{\"model\":\"mistral-small-latest\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.at("/choices/0/message/content").asText()).isEqualTo(FakeMistral.DEFAULT_ANSWER);
        assertThat(body.at("/usage/total_tokens").asInt()).isEqualTo(FakeMistral.TOTAL_TOKENS);
    }

    @Test
    void refusesAnUnknownTopLevelFieldWith422NamingIt() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", "test-key",
                "{\"model\":\"m\",\"stream_options\":{\"include_usage\":true},"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode detail = JSON.readTree(response.body()).at("/message/detail/0");
        assertThat(detail.path("type").asText()).isEqualTo("extra_forbidden");
        assertThat(detail.path("loc").toString()).isEqualTo("[\"body\",\"stream_options\"]");
    }

    @Test
    void refusesAnUnknownFieldInsideAMessage() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", "test-key",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\",\"name\":\"bob\"}]}");
        assertThat(response.statusCode()).isEqualTo(422);
    }

    @Test
    void refusesATemperatureAboveMistralsRange() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", "test-key",
                "{\"model\":\"m\",\"temperature\":1.8,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(response.statusCode()).isEqualTo(422);
    }

    @Test
    void refusesToolCallIdsThatAreNotNineAlphanumerics() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", "test-key", "{\"model\":\"m\",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"weather?\"},"
                + "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"call_abc123\",\"type\":\"function\","
                + "\"function\":{\"name\":\"w\",\"arguments\":\"{}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_abc123\",\"content\":\"sunny\"}]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("3280");
    }

    @Test
    void refusesAWrongKeyWith401() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", "other-key",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("message").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void refusesAConversationEndingWithTheAssistant() throws Exception {
        HttpResponse<String> response = post("/v1/chat/completions", "test-key", "{\"model\":\"m\",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"hello\"}]}");
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void refusesOpenAisEmbeddingUserField() throws Exception {
        HttpResponse<String> response = post("/v1/embeddings", "test-key",
                "{\"model\":\"mistral-embed\",\"input\":[\"a\"],\"user\":\"u1\"}");
        assertThat(response.statusCode()).isEqualTo(422);
    }

    @Test
    void embedsEachInputDeterministically() throws Exception {
        HttpResponse<String> response = post("/v1/embeddings", "test-key",
                "{\"model\":\"mistral-embed\",\"input\":[\"a\",\"b\"]}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = JSON.readTree(response.body()).path("data");
        assertThat(data).hasSize(2);
        assertThat(data.at("/1/embedding/0").asDouble()).isEqualTo(FakeMistral.vectorOf("b", 8)[0]);
    }

    private static HttpResponse<String> post(String path, String key, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUri() + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
