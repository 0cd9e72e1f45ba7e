package dev.aigateway.adapters.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.UpstreamHttp;
import java.io.IOException;
import java.util.Optional;

/** OpenAI's error envelope, kept as it is (message, type, param, code) with the upstream's status. */
final class OpenAiErrorMapper {
    private final ObjectMapper json;

    OpenAiErrorMapper(ObjectMapper json) {
        this.json = json;
    }

    GatewayError.UpstreamRejected toError(UpstreamHttp.Reply reply) {
        JsonNode error = envelope(reply.body());
        String message = JsonTrees.text(error, "message").orElse(OpenAiProvider.NAME + " answered HTTP "
                + reply.status());
        Optional<String> code = error.path("code").isValueNode() && !error.path("code").isNull()
                ? Optional.of(error.path("code").asText()) : Optional.empty();
        return new GatewayError.UpstreamRejected(reply.status(), message, JsonTrees.text(error, "type"),
                JsonTrees.text(error, "param"), code, reply.retryAfter(), reply.rateLimits());
    }

    private JsonNode envelope(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            return root == null ? json.missingNode() : root.path("error");
        } catch (IOException notJson) {
            return json.missingNode();
        }
    }
}
