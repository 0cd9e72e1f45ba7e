package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.fakeollama.FakeOllama;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official {@code openai} npm package runs its chat, stream, tool and embedding calls against routes served by
 * Ollama's native API, with Ollama's exact token counts in the answers.
 */
class OllamaClientsTest {

    private FakeOllama ollama;
    private Gateway gateway;

    @BeforeEach
    void start() {
        ollama = FakeOllama.start();
        gateway = TestGateways.start("""
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
                """.formatted(ollama.baseUri()));
    }

    @AfterEach
    void stop() {
        gateway.close();
        ollama.close();
    }

    @Test
    void theOpenAiSdkPassesItsChatStreamToolAndEmbeddingCallsThroughOllama() throws Exception {
        NodeClients.run(gateway.port(), expected(), 6, "openai.test.mjs");

        assertThat(ollama.requests()).isNotEmpty().allSatisfy(body -> assertThat(body.has("user")).isFalse());
    }

    private static String expected() throws Exception {
        // Ollama lets the model decide: a forced tool call is refused, so the SDK asks for auto.
        return NodeClients.expected(FakeOllama.ANSWER, FakeOllama.PROMPT_TOKENS, FakeOllama.COMPLETION_TOKENS, "mistral:7b", "nomic-embed-text", "auto",
                input -> FakeOllama.vectorOf(input, 8));
    }
}
