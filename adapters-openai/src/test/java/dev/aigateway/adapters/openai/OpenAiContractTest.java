package dev.aigateway.adapters.openai;

import dev.aigateway.domain.Secret;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.route.ProviderOptions;
import dev.aigateway.domain.route.UpstreamAuth;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.domain.route.UpstreamTimeouts;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.UpstreamHttp;
import dev.aigateway.egress.contract.FaultScript;
import dev.aigateway.egress.contract.ProviderContract;
import dev.aigateway.fakeopenai.FakeOpenAi;
import dev.aigateway.ports.UpstreamProvider;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** The provider contract, run by the OpenAI adapter against the strict fake OpenAI. */
class OpenAiContractTest extends ProviderContract {
    private static final String KEY = "sk-contract-openai-0123456789";
    private static final UpstreamProvider PROVIDER = new OpenAiProvider(UpstreamHttp.create(OpenAiProvider.NAME),
            JsonTrees.newMapper());
    private final FakeOpenAi openAi = FakeOpenAi.start(KEY);

    @AfterEach
    void stop() {
        openAi.close();
    }

    @Override
    protected UpstreamProvider provider() {
        return PROVIDER;
    }

    @Override
    protected UpstreamTarget target(UpstreamTimeouts timeouts) {
        return new UpstreamTarget("openai", Optional.of(openAi.baseUri()), Optional.empty(),
                Optional.of(new UpstreamAuth.Header("Authorization", Secret.of("Bearer " + KEY))), false, timeouts,
                ProviderOptions.none());
    }

    @Override
    protected String chatModel() {
        return "gpt-4o-mini";
    }

    @Override
    protected String embeddingModel() {
        return "text-embedding-3-small";
    }

    @Override
    protected String expectedAnswer() {
        return FakeOpenAi.ANSWER;
    }

    @Override
    protected Usage expectedUsage() {
        return new Usage(FakeOpenAi.PROMPT_TOKENS, FakeOpenAi.COMPLETION_TOKENS,
                FakeOpenAi.PROMPT_TOKENS + FakeOpenAi.COMPLETION_TOKENS);
    }

    @Override
    protected FaultScript faults() {
        return openAi.faults();
    }
}
