package dev.aigateway.adapters.ollama;

import dev.aigateway.domain.Usage;
import dev.aigateway.domain.route.ProviderOptions;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.UpstreamHttp;
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
    protected Subject subject() {
        return new Subject(PROVIDER, timeouts -> new UpstreamTarget("ollama", Optional.of(ollama.baseUri()),
                Optional.empty(), Optional.empty(), false, timeouts, ProviderOptions.none()), "mistral:7b",
                "nomic-embed-text", FakeOllama.ANSWER, new Usage(FakeOllama.PROMPT_TOKENS, FakeOllama.COMPLETION_TOKENS,
                FakeOllama.PROMPT_TOKENS + FakeOllama.COMPLETION_TOKENS), ollama.faults(),
                // Ollama's own error shape.
                message -> "{\"error\":\"" + message + "\"}");
    }
}
