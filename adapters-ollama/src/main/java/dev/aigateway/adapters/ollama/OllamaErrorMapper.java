package dev.aigateway.adapters.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.UpstreamHttp;
import java.io.IOException;
import java.util.Optional;

/** Ollama's {@code {"error": "..."}} bodies (404 for a model it does not have) to one error, status kept. */
final class OllamaErrorMapper {
    private final ObjectMapper json;

    OllamaErrorMapper(ObjectMapper json) {
        this.json = json;
    }

    GatewayError.UpstreamRejected toError(UpstreamHttp.Reply reply) {
        String message = message(reply.body()).orElse(OllamaProvider.NAME + " answered HTTP " + reply.status());
        Optional<String> code = reply.status() == 404 ? Optional.of("model_not_found") : Optional.empty();
        return new GatewayError.UpstreamRejected(reply.status(), message, Optional.empty(), Optional.empty(), code,
                reply.retryAfter(), reply.rateLimits());
    }

    private Optional<String> message(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            return root == null ? Optional.empty() : JsonTrees.text(root, "error");
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
