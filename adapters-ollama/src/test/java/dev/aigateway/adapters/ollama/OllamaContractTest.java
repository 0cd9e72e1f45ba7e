package dev.aigateway.adapters.ollama;

import dev.aigateway.domain.Usage;
import dev.aigateway.domain.route.ProviderOptions;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.domain.route.UpstreamTimeouts;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.UpstreamHttp;
import dev.aigateway.egress.contract.FaultScript;
import dev.aigateway.egress.contract.ProviderContract;
import dev.aigateway.fakeollama.FakeOllama;
import dev.aigateway.ports.UpstreamProvider;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** The provider contract, run by the Ollama adapter against the strict fake Ollama. */
class OllamaContractTest extends ProviderContract {
    private static final UpstreamProvider PROVIDER = new OllamaProvider(UpstreamHttp.create(OllamaProvider.NAME),
            JsonTrees.newMapper());
    private final FakeOllama ollama = FakeOllama.start();

    @AfterEach
    void stop() {
        ollama.close();
    }

    @Override
    protected UpstreamProvider provider() {
        return PROVIDER;
    }

    @Override
    protected UpstreamTarget target(UpstreamTimeouts timeouts) {
        return new UpstreamTarget("ollama", Optional.of(ollama.baseUri()), Optional.empty(), Optional.empty(), false,
                timeouts, ProviderOptions.none());
    }

    @Override
    protected String chatModel() {
        return "mistral:7b";
    }

    @Override
    protected String embeddingModel() {
        return "nomic-embed-text";
    }

    @Override
    protected String expectedAnswer() {
        return FakeOllama.ANSWER;
    }

    @Override
    protected Usage expectedUsage() {
        return new Usage(FakeOllama.PROMPT_TOKENS, FakeOllama.COMPLETION_TOKENS,
                FakeOllama.PROMPT_TOKENS + FakeOllama.COMPLETION_TOKENS);
    }

    @Override
    protected FaultScript faults() {
        return ollama.faults();
    }

    /** Ollama's own error shape. */
    @Override
    protected String errorBody(String message) {
        return "{\"error\":\"" + message + "\"}";
    }
}
