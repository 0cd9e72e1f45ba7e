package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.fakemistral.FakeMistral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official {@code openai} and {@code @mistralai/mistralai} npm packages (pinned in {@code clients/node}) run
 * their chat, stream, tool and embedding calls against the gateway in front of the fake Mistral.
 */
class NodeClientsTest {
    private static final String KEY = "sk-node-clients-0123456789";

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey(KEY);

    @Test
    void theOfficialSdksPassTheirChatStreamToolAndEmbeddingCalls() throws Exception {
        NodeClients.run("http://127.0.0.1:" + fixture.port(), expected(), 10, "openai.test.mjs", "mistral.test.mjs");

        assertThat(fixture.mistral().requests()).allSatisfy(request -> assertThat(request.header("authorization"))
                .contains("Bearer " + KEY));
    }

    private static String expected() throws Exception {
        return NodeClients.expected(FakeMistral.DEFAULT_ANSWER, FakeMistral.PROMPT_TOKENS,
                FakeMistral.COMPLETION_TOKENS, "mistral-small-latest", "mistral-embed", "required",
                input -> FakeMistral.vectorOf(input, 8));
    }
}
