package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.fakeollama.FakeOllama;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official {@code openai} npm package runs its chat, stream, tool and embedding calls against routes served by
 * Ollama's native API, with Ollama's exact token counts in the answers.
 */
class OllamaClientsTest {
    private static final List<String> EMBEDDING_INPUTS = List.of("alpha", "beta");

    private FakeOllama ollama;
    private Gateway gateway;

    @BeforeEach
    void start() {
        ollama = FakeOllama.start();
        gateway = Gateway.start(providers -> new ConfigLoader(java.util.Map.of(), warning -> { }).parse("""
                server: { host: 127.0.0.1, port: 0 }
                routes:
                  - name: chat
                    paths: [/v1/chat/completions]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          model: { provider: ollama, options: { upstream_url: "%1$s/api/chat" } }
                  - name: embeddings
                    paths: [/v1/embeddings]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/embeddings
                          model: { provider: ollama, options: { upstream_url: "%1$s" } }
                """.formatted(ollama.baseUri()).getBytes(java.nio.charset.StandardCharsets.UTF_8), "ollama.yaml",
                providers));
    }

    @AfterEach
    void stop() {
        gateway.close();
        ollama.close();
    }

    @Test
    void theOpenAiSdkPassesItsChatStreamToolAndEmbeddingCallsThroughOllama() throws Exception {
        NodeClients.run(gateway.port(), expected(), 5, "openai.test.mjs");

        assertThat(ollama.requests()).isNotEmpty().allSatisfy(body -> assertThat(body.has("user")).isFalse());
    }

    private static String expected() throws Exception {
        ObjectNode expected = HttpExchanges.JSON.createObjectNode().put("answer", FakeOllama.ANSWER)
                .put("chatModel", "mistral:7b").put("embeddingModel", "nomic-embed-text")
                // Ollama lets the model decide: a forced tool call is refused, so the SDK asks for auto.
                .put("toolChoice", "auto");
        expected.putObject("usage").put("prompt_tokens", FakeOllama.PROMPT_TOKENS)
                .put("completion_tokens", FakeOllama.COMPLETION_TOKENS)
                .put("total_tokens", FakeOllama.PROMPT_TOKENS + FakeOllama.COMPLETION_TOKENS);
        ArrayNode inputs = expected.putArray("embeddingInputs");
        ArrayNode vectors = expected.putArray("vectors");
        for (String input : EMBEDDING_INPUTS) {
            inputs.add(input);
            ArrayNode vector = vectors.addArray();
            for (double value : FakeOllama.vectorOf(input, 8)) {
                vector.add(value);
            }
        }
        return HttpExchanges.JSON.writeValueAsString(expected);
    }
}
