package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.fakemistral.FakeMistral;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official {@code openai} and {@code @mistralai/mistralai} npm packages (pinned in {@code clients/node}) run
 * their chat, stream, tool and embedding calls against the gateway in front of the fake Mistral.
 */
class NodeClientsTest {
    private static final String KEY = "sk-node-clients-0123456789";
    private static final List<String> EMBEDDING_INPUTS = List.of("alpha", "beta");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey(KEY);

    @Test
    void theOfficialSdksPassTheirChatStreamToolAndEmbeddingCalls() throws Exception {
        NodeClients.run(fixture.port(), expected(), 9, "openai.test.mjs", "mistral.test.mjs");

        assertThat(fixture.mistral().requests()).allSatisfy(request -> assertThat(request.header("authorization"))
                .contains("Bearer " + KEY));
    }

    private static String expected() throws IOException {
        ObjectNode expected = JSON.createObjectNode().put("answer", FakeMistral.DEFAULT_ANSWER);
        expected.putObject("usage").put("prompt_tokens", FakeMistral.PROMPT_TOKENS)
                .put("completion_tokens", FakeMistral.COMPLETION_TOKENS).put("total_tokens", FakeMistral.TOTAL_TOKENS);
        ArrayNode inputs = expected.putArray("embeddingInputs");
        ArrayNode vectors = expected.putArray("vectors");
        for (String input : EMBEDDING_INPUTS) {
            inputs.add(input);
            ArrayNode vector = vectors.addArray();
            for (double value : FakeMistral.vectorOf(input, 8)) {
                vector.add(value);
            }
        }
        return JSON.writeValueAsString(expected);
    }
}
