package dev.aigateway.adapters.mistral;

import dev.aigateway.domain.Secret;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.route.ProviderOptions;
import dev.aigateway.domain.route.UpstreamAuth;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.UpstreamHttp;
import dev.aigateway.egress.contract.FaultScript;
import dev.aigateway.egress.contract.ProviderContract;
import dev.aigateway.fakemistral.FakeMistral;
import dev.aigateway.fakemistral.FakeReply;
import dev.aigateway.ports.UpstreamProvider;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** The provider contract, run by the Mistral adapter against the strict fake Mistral. */
class MistralContractTest extends ProviderContract {
    private static final String KEY = "sk-contract-mistral-0123456789";
    private static final UpstreamProvider PROVIDER = new MistralProvider(UpstreamHttp.create(MistralProvider.NAME),
            JsonTrees.newMapper());
    private final FakeMistral mistral = FakeMistral.start(KEY);

    @AfterEach
    void stop() {
        mistral.close();
    }

    @Override
    protected Subject subject() {
        return new Subject(PROVIDER, timeouts -> new UpstreamTarget("mistral", Optional.of(mistral.baseUri()),
                Optional.empty(), Optional.of(new UpstreamAuth.Header("Authorization", Secret.of("Bearer " + KEY))),
                false, timeouts, ProviderOptions.none()), "mistral-small-latest", "mistral-embed",
                FakeMistral.DEFAULT_ANSWER, new Usage(FakeMistral.PROMPT_TOKENS, FakeMistral.COMPLETION_TOKENS,
                FakeMistral.TOTAL_TOKENS), faults(),
                // Mistral's own error shape.
                message -> "{\"object\":\"error\",\"message\":\"" + message + "\",\"type\":\"invalid_request_error\"}");
    }

    /** The fake Mistral scripts its faults as replies. */
    private FaultScript faults() {
        return new FaultScript() {
            @Override
            public void failNext(int status, String body, String contentType) {
                mistral.enqueue(new FakeReply.Error(status, body, Map.of()));
            }

            @Override
            public void cutNextStream() {
                mistral.enqueue(new FakeReply.Reset(FakeMistral.DEFAULT_ANSWER, 2));
            }

            @Override
            public void delayNext(Duration delay) {
                mistral.enqueue(new FakeReply.Delay(delay, new FakeReply.Text(FakeMistral.DEFAULT_ANSWER, "stop")));
            }
        };
    }
}
