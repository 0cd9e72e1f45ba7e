package dev.aigateway.app;

import dev.aigateway.fakemistral.FakeMistral;
import dev.aigateway.fakeollama.FakeOllama;
import dev.aigateway.fakeopenai.FakeOpenAi;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fake Mistral, a fake Ollama and a fake OpenAI behind one gateway, each upstream's chat and embeddings routes
 * under its own prefix ({@code /mistral/v1/...}, {@code /ollama/v1/...}, {@code /openai/v1/...}), as OpenAI-style
 * clients address a base URL. Started before each test, stopped after it.
 */
final class ClientUpstreams implements BeforeEachCallback, AfterEachCallback {
    private static final String OPENAI_KEY = "sk-self-hosted-openai-0123456789";
    private static final String MISTRAL_KEY = "sk-client-upstreams-mistral-0123456789";

    /** Each upstream, with what its fake answers and what clients ask it for. */
    enum Upstream {
        // The gateway's own purpose: OpenAI's dialect in, Mistral's out ("required" becomes Mistral's "any").
        MISTRAL("/mistral", "mistral-small-latest", "mistral-embed", "required", FakeMistral.DEFAULT_ANSWER,
                FakeMistral.PROMPT_TOKENS, FakeMistral.COMPLETION_TOKENS, text -> FakeMistral.vectorOf(text, 8)),
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

    private FakeMistral mistral;
    private FakeOllama ollama;
    private FakeOpenAi openAi;
    private Gateway gateway;

    @Override
    public void beforeEach(ExtensionContext context) {
        mistral = FakeMistral.start(MISTRAL_KEY);
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
                      - name: mistral-%1$s
                        paths: [/mistral/v1/%2$s]
                        plugins: [{ name: ai-proxy, config: { route_type: llm/v1/%1$s,
                          auth: { header_name: Authorization, header_value: "Bearer %7$s" },
                          model: { provider: mistral, options: { upstream_url: "%6$s" } } } }]
                    """.formatted(type, path, ollama.baseUri(), openAi.baseUri(), OPENAI_KEY, mistral.baseUri(),
                    MISTRAL_KEY));
        }
        gateway = TestGateways.start(routes.toString());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (gateway != null) {
            gateway.close();
        }
        mistral.close();
        ollama.close();
        openAi.close();
    }

    /** The gateway's address for an upstream's routes, without the {@code /v1} clients add themselves. */
    String gatewayUrl(Upstream upstream) {
        return "http://127.0.0.1:" + gateway.port() + upstream.prefix;
    }

    FakeMistral mistral() {
        return mistral;
    }

    FakeOllama ollama() {
        return ollama;
    }

    FakeOpenAi openAi() {
        return openAi;
    }
}
