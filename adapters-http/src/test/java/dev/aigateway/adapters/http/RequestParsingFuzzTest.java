package dev.aigateway.adapters.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aigateway.adapters.http.HttpModule.RequestLimits;
import dev.aigateway.domain.error.GatewayException;

/**
 * Any bytes are either a valid request or a gateway error (a 4xx): never another exception, which would be a 500.
 * CI replays the saved inputs in {@code RequestParsingFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes for new ones.
 */
class RequestParsingFuzzTest {
    private static final OpenAiJson JSON = new OpenAiJson(RequestLimits.defaults());

    @FuzzTest(maxDuration = "30s")
    void chatRequests(byte[] body) {
        try {
            OpenAiChatRequestMapper.fromWire(JSON.readObject(body), JSON.limits());
        } catch (GatewayException expected) {
            // a clear 4xx for the client
        }
    }

    @FuzzTest(maxDuration = "30s")
    void embeddingRequests(byte[] body) {
        try {
            OpenAiEmbeddingMapper.fromWire(JSON.readObject(body), JSON.limits());
        } catch (GatewayException expected) {
            // a clear 4xx for the client
        }
    }

    @FuzzTest(maxDuration = "30s")
    void completionRequests(byte[] body) {
        try {
            OpenAiTextCompletionMapper.fromWire(JSON.readObject(body), RequestLimits.defaults());
        } catch (GatewayException expected) {
            // a clear 4xx for the client
        }
    }
}
