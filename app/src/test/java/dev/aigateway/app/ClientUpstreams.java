package dev.aigateway.app;

import dev.aigateway.fakeollama.FakeOllama;
import dev.aigateway.fakeopenai.FakeOpenAi;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fake Ollama and a fake OpenAI behind one gateway, each upstream's chat and embeddings routes under its own
 * prefix ({@code /ollama/v1/...}, {@code /openai/v1/...}), as OpenAI-style clients address a base URL. Started
 * before each test, stopped after it.
 */
final class SelfHostedUpstreams implements BeforeEachCallback, AfterEachCallback {
    private static final String OPENAI_KEY = "sk-self-hosted-openai-0123456789";

    /** Each upstream, with what its fake answers and what clients ask it for. */
    enum Upstream {
        // Ollama lets the model decide: a forced tool call is refused, so clients ask for auto.
        OLLAMA("/ollama", "mistral:7b", "nomic-embed-text", "auto", FakeOllama.ANSWER, FakeOllama.PROMPT_TOKENS,
                FakeOllama.COMPLETION_TOKENS, text -> FakeOllama.vectorOf(text, 8)),
        OPENAI("/openai", "gpt-4o-mini", "text-embedding-3-small", "required", FakeOpenAi.ANSWER,
                FakeOpenAi.PROMPT_TOKENS, FakeOpenAi.COMPLETION_TOKENS, text -> FakeOpenAi.vectorOf(text, 8));

        final String prefix;
        final String chatModel;
        final String embeddingModel;
        final String toolChoice;
        final String answer;
        final int promptTokens;
        final int completionTokens;
        final Function<String, double[]> vectors;

        Upstream(String prefix, String chatModel, String embeddingModel, String toolChoice, String answer,
                 int promptTokens, int completionTokens, Function<String, double[]> vectors) {
            this.prefix = prefix;
            this.chatModel = chatModel;
            this.embeddingModel = embeddingModel;
            this.toolChoice = toolChoice;
            this.answer = answer;
            this.promptTokens = promptTokens;
            this.completionTokens = completionTokens;
            this.vectors = vectors;
        }

        int totalTokens() {
            return promptTokens + completionTokens;
        }
    }

    private FakeOllama ollama;
    private FakeOpenAi openAi;
    private Gateway gateway;

    @Override
    public void beforeEach(ExtensionContext context) {
        ollama = FakeOllama.start();
        openAi = FakeOpenAi.start(OPENAI_KEY);
        StringBuilder routes = new StringBuilder("server: { host: 127.0.0.1, port: 0 }\nroutes:\n");
        for (String type : List.of("chat", "embeddings")) {
            String path = type.equals("chat") ? "chat/completions" : "embeddings";
            routes.append("""
                      - name: ollama-%1$s
                        paths: [/ollama/v1/%2$s]
                        plugins: [{ name: ai-proxy, config: { route_type: llm/v1/%1$s,
                          model: { provider: ollama, options: { upstream_url: "%3$s" } } } }]
                      - name: openai-%1$s
                        paths: [/openai/v1/%2$s]
                        plugins: [{ name: ai-proxy, config: { route_type: llm/v1/%1$s,
                          auth: { header_name: Authorization, header_value: "Bearer %5$s" },
                          model: { provider: openai, options: { upstream_url: "%4$s" } } } }]
                    """.formatted(type, path, ollama.baseUri(), openAi.baseUri(), OPENAI_KEY));
        }
        gateway = TestGateways.start(routes.toString());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (gateway != null) {
            gateway.close();
        }
        ollama.close();
        openAi.close();
    }

    /** The gateway's address for an upstream's routes, without the {@code /v1} clients add themselves. */
    String gatewayUrl(Upstream upstream) {
        return "http://127.0.0.1:" + gateway.port() + upstream.prefix;
    }

    FakeOllama ollama() {
        return ollama;
    }

    FakeOpenAi openAi() {
        return openAi;
    }
}
