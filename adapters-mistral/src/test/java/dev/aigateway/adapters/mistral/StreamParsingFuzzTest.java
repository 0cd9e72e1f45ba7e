package dev.aigateway.adapters.mistral;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.ServerSentEvents;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Whatever bytes an upstream streams, reading them yields chunks or an upstream protocol error, never another
 * exception. CI replays the saved inputs in {@code StreamParsingFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class StreamParsingFuzzTest {
    private static final ObjectMapper JSON = JsonTrees.newMapper();

    @FuzzTest(maxDuration = "30s")
    void upstreamStreams(byte[] stream) throws IOException {
        try {
            ServerSentEvents.read(new ByteArrayInputStream(stream), data -> {
                JsonNode event;
                try {
                    event = JSON.readTree(data);
                } catch (IOException e) {
                    throw MistralResponseMapper.protocolError("a body that is not valid JSON");
                }
                if (event == null || !event.isObject()) {
                    throw MistralResponseMapper.protocolError("a body that is not a JSON object");
                }
                MistralResponseMapper.chatChunk(event);
            });
        } catch (GatewayException expected) {
            // an upstream protocol error, reported to the client as such
        }
    }
}
