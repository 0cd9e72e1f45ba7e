package dev.aigateway.adapters.openai;

import dev.aigateway.domain.Secret;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.route.ProviderOptions;
import dev.aigateway.domain.route.UpstreamAuth;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.UpstreamHttp;
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
    protected Subject subject() {
        return new Subject(PROVIDER, timeouts -> new UpstreamTarget("openai", Optional.of(openAi.baseUri()),
                Optional.empty(), Optional.of(new UpstreamAuth.Header("Authorization", Secret.of("Bearer " + KEY))),
                false, timeouts, ProviderOptions.none()), "gpt-4o-mini", "text-embedding-3-small", FakeOpenAi.ANSWER,
                new Usage(FakeOpenAi.PROMPT_TOKENS, FakeOpenAi.COMPLETION_TOKENS,
                        FakeOpenAi.PROMPT_TOKENS + FakeOpenAi.COMPLETION_TOKENS), openAi.faults(), OPENAI_ERROR);
    }
}
