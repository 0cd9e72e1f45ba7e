package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.fakeopenai.FakeOpenAi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official {@code openai} npm package runs its chat, stream, tool and embedding calls against routes served by
 * an OpenAI-compatible upstream (the strict fake OpenAI), with its exact token counts in the answers.
 */
class OpenAiClientsTest {
    private static final String KEY = "sk-openai-clients-0123456789";

    private FakeOpenAi openAi;
    private Gateway gateway;

    @BeforeEach
    void start() {
        openAi = FakeOpenAi.start(KEY);
        gateway = TestGateways.start("""
                server: { host: 127.0.0.1, port: 0 }
                routes:
                  - name: chat
                    paths: [/v1/chat/completions]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          auth: { header_name: Authorization, header_value: "Bearer %2$s" }
                          model: { provider: openai, options: { upstream_url: "%1$s" } }
                  - name: embeddings
                    paths: [/v1/embeddings]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/embeddings
                          auth: { header_name: Authorization, header_value: "Bearer %2$s" }
                          model: { provider: openai, options: { upstream_url: "%1$s" } }
                """.formatted(openAi.baseUri(), KEY));
    }

    @AfterEach
    void stop() {
        gateway.close();
        openAi.close();
    }

    @Test
    void theOpenAiSdkPassesItsChatStreamToolAndEmbeddingCallsThroughAnOpenAiUpstream() throws Exception {
        NodeClients.run(gateway.port(), expected(), 6, "openai.test.mjs");

        assertThat(openAi.requests()).filteredOn(body -> body.path("stream").asBoolean(false))
                .isNotEmpty().allSatisfy(body -> assertThat(body.at("/stream_options/include_usage").asBoolean())
                        .isTrue());
    }

    private static String expected() throws Exception {
        return NodeClients.expected(FakeOpenAi.ANSWER, FakeOpenAi.PROMPT_TOKENS, FakeOpenAi.COMPLETION_TOKENS, "gpt-4o-mini", "text-embedding-3-small", "required",
                input -> FakeOpenAi.vectorOf(input, 8));
    }
}
