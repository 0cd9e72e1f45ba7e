package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.fakemistral.FakeMistral;
import dev.aigateway.fakemistral.FakeReply;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code logging.log_payloads}: the request and the answer (a stream's assembled) in the log line's
 * {@code ai.proxy.payload}, capped, and never the provider's key or the consumer's.
 */
class PayloadLoggingTest {
    private static final String PROVIDER_KEY = "sk-provider-payloads-0123456789";
    private static final String CONSUMER_KEY = "consumer-key-in-the-body-42";
    private static final String PROMPT = "what is the capital of France?";

    private AnalyticsLog analytics;

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withDocument(PROVIDER_KEY, mistral -> """
            server: { host: 127.0.0.1, port: 0 }
            consumers:
              - username: team-a
                keyauth_credentials: [{ key: %3$s }]
            routes:
              - name: logged
                paths: [/logged/chat]
                plugins:
                  - name: key-auth
                    config: { key_names: [apikey], key_in_body: true }
                  - name: ai-proxy
                    config:
                      route_type: llm/v1/chat
                      auth: { header_name: Authorization, header_value: "Bearer %2$s" }
                      logging: { log_payloads: true }
                      model: { provider: mistral, options: { upstream_url: "%1$s" } }
              - name: statistics-only
                paths: [/statistics/chat]
                plugins:
                  - name: ai-proxy
                    config:
                      route_type: llm/v1/chat
                      auth: { header_name: Authorization, header_value: "Bearer %2$s" }
                      logging: { log_statistics: true }
                      model: { provider: mistral, options: { upstream_url: "%1$s" } }
            """.formatted(mistral.baseUri(), PROVIDER_KEY, CONSUMER_KEY));

    @BeforeEach
    void start() {
        analytics = AnalyticsLog.capture();
    }

    @AfterEach
    void stop() {
        analytics.close();
    }

    @Test
    void theRequestAndTheAnswerAreLoggedWithoutAnyKey() throws Exception {
        fixture.http().post("/logged/chat", chat(PROMPT, false));

        JsonNode line = onlyLine();
        JsonNode request = HttpExchanges.JSON.readTree(line.at("/ai/proxy/payload/request").asText());
        assertThat(request.at("/messages/0/content").asText()).isEqualTo(PROMPT);
        assertThat(request.has("apikey")).as("the consumer's key is taken out of the body").isFalse();
        JsonNode response = HttpExchanges.JSON.readTree(line.at("/ai/proxy/payload/response").asText());
        assertThat(response.at("/choices/0/message/content").asText()).isEqualTo(FakeMistral.DEFAULT_ANSWER);
        assertThat(line.at("/consumer/username").asText()).isEqualTo("team-a");
        assertThat(analytics.lines().get(0)).doesNotContain(PROVIDER_KEY).doesNotContain(CONSUMER_KEY);
    }

    @Test
    void aStreamedAnswerIsLoggedAssembled() throws Exception {
        fixture.mistral().enqueue(FakeReply.text("Paris is the capital"));
        fixture.http().post("/logged/chat", chat(PROMPT, true));

        JsonNode response = HttpExchanges.JSON.readTree(onlyLine().at("/ai/proxy/payload/response").asText());
        assertThat(response.get("role").asText()).isEqualTo("assistant");
        assertThat(response.get("content").asText()).isEqualTo("Paris is the capital");
    }

    @Test
    void aLargeRequestIsCapped() throws Exception {
        String large = "x".repeat(100_000);
        fixture.http().post("/logged/chat", chat(large, false));

        String request = onlyLine().at("/ai/proxy/payload/request").asText();
        assertThat(request).hasSizeLessThan(70_000).contains("more characters]");
    }

    @Test
    void aRouteWithoutLogPayloadsLogsNoBody() throws Exception {
        fixture.http().post("/statistics/chat", "{\"model\":\"mistral-small-latest\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"" + PROMPT + "\"}]}");

        JsonNode line = onlyLine();
        assertThat(line.at("/ai/proxy/payload").isMissingNode()).isTrue();
        assertThat(analytics.lines().get(0)).doesNotContain(PROMPT);
    }

    private static String chat(String prompt, boolean stream) {
        return "{\"apikey\":\"" + CONSUMER_KEY + "\",\"model\":\"mistral-small-latest\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
    }

    private JsonNode onlyLine() throws Exception {
        List<String> lines = analytics.awaitLines(1);
        assertThat(lines).hasSize(1);
        return HttpExchanges.JSON.readTree(lines.get(0));
    }
}
