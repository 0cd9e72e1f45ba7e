package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.fakemistral.FakeMistral;
import dev.aigateway.fakemistral.RecordedRequest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official {@code openai} and {@code @mistralai/mistralai} npm packages (pinned in {@code clients/node}) run
 * their chat, stream, tool and embedding calls against the gateway in front of the fake Mistral, and the Mistral
 * SDK its OCR, moderation and conversation calls through native Mistral routes.
 */
class NodeClientsTest {
    private static final String KEY = "sk-node-clients-0123456789";

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey(KEY).routes(mistral -> Stream.of(
            "ocr", "moderations", "conversations").map(endpoint -> """
              - name: mistral-%1$s
                paths: [/v1/%1$s]
                plugins:
                  - name: ai-proxy
                    config:
                      route_type: mistral/v1/%1$s
                      auth: { header_name: Authorization, header_value: "Bearer %2$s" }
                      model: { provider: mistral, options: { upstream_url: "%3$s" } }
            """.formatted(endpoint, KEY, mistral.baseUri())).collect(Collectors.joining()));

    @Test
    void theOfficialSdksPassTheirChatStreamToolAndEmbeddingCalls() throws Exception {
        NodeClients.run("http://127.0.0.1:" + fixture.port(), expected(), 10, "openai.test.mjs", "mistral.test.mjs");

        assertThat(fixture.mistral().requests()).allSatisfy(request -> assertThat(request.header("authorization"))
                .contains("Bearer " + KEY));
    }

    @Test
    void theMistralSdkReachesOcrModerationsAndConversationsThroughNativeRoutes() throws Exception {
        String expected = HttpExchanges.JSON.createObjectNode()
                .put("conversationAnswer", FakeMistral.CONVERSATION_ANSWER).toString();

        NodeClients.run("http://127.0.0.1:" + fixture.port(), expected, 3, "mistral-native.test.mjs");

        assertThat(fixture.mistral().requests()).extracting(RecordedRequest::path)
                .containsExactly("/v1/ocr", "/v1/moderations", "/v1/conversations", "/v1/conversations");
        assertThat(fixture.mistral().requests()).allSatisfy(request -> assertThat(request.header("authorization"))
                .contains("Bearer " + KEY));
    }

    private static String expected() throws Exception {
        return NodeClients.expected(FakeMistral.DEFAULT_ANSWER, FakeMistral.PROMPT_TOKENS,
                FakeMistral.COMPLETION_TOKENS, "mistral-small-latest", "mistral-embed", "required",
                input -> FakeMistral.vectorOf(input, 8));
    }
}
