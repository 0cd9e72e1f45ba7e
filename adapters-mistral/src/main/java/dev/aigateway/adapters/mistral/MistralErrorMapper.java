package dev.aigateway.adapters.mistral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.UpstreamHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mistral's error bodies, in every shape it has used (object-valued {@code message}, bare {@code detail} lists,
 * detail as a JSON string, plain {@code message}, HTML from a proxy), to one error with a string message that
 * names the offending field.
 */
final class MistralErrorMapper {
    private final ObjectMapper json;

    MistralErrorMapper(ObjectMapper json) {
        this.json = json;
    }

    GatewayError.UpstreamRejected toError(UpstreamHttp.Reply reply) {
        return withRateLimits(toError(reply.status(), reply.body(), reply.retryAfter()), reply.rateLimits());
    }

    private static GatewayError.UpstreamRejected withRateLimits(GatewayError.UpstreamRejected error,
                                                                Map<String, String> rateLimits) {
        return new GatewayError.UpstreamRejected(error.status(), error.message(), error.type(), error.param(),
                error.code(), error.retryAfter(), rateLimits);
    }

    GatewayError.UpstreamRejected toError(int status, byte[] body, Optional<String> retryAfter) {
        JsonNode root = parse(body);
        if (root == null || !root.isObject()) {
            return rejected(status, "Mistral answered HTTP " + status, Optional.empty(), Optional.empty(),
                    Optional.empty(), retryAfter);
        }
        Optional<String> type = JsonTrees.text(root, "type");
        Optional<String> code = root.path("code").isValueNode() && !root.path("code").isNull()
                ? Optional.of(root.path("code").asText()) : Optional.empty();
        JsonNode detail = findDetail(root);
        if (detail != null) {
            Validation validation = Validation.of(detail);
            return rejected(status, validation.message(), type, validation.param(), code, retryAfter);
        }
        String message = JsonTrees.text(root, "message")
                .or(() -> JsonTrees.text(root, "detail"))
                .orElse("Mistral answered HTTP " + status);
        return rejected(status, message, type, JsonTrees.text(root, "param"), code, retryAfter);
    }

    /** The validation detail, wherever this body keeps it. */
    private JsonNode findDetail(JsonNode root) {
        if (root.path("detail").isArray()) {
            return root.path("detail");
        }
        JsonNode message = root.path("message");
        if (message.path("detail").isArray()) {
            return message.path("detail");
        }
        if (message.isTextual() && message.textValue().startsWith("{")) {
            JsonNode nested = parse(message.textValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (nested != null && nested.path("detail").isArray()) {
                return nested.path("detail");
            }
        }
        return null;
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static GatewayError.UpstreamRejected rejected(int status, String message, Optional<String> type,
            Optional<String> param, Optional<String> code, Optional<String> retryAfter) {
        return new GatewayError.UpstreamRejected(status, message, type, param, code, retryAfter);
    }

    /** A FastAPI-style validation detail list, as one sentence and the first offending field. */
    private record Validation(String message, Optional<String> param) {
        static Validation of(JsonNode detail) {
            List<String> problems = new ArrayList<>();
            Optional<String> firstParam = Optional.empty();
            for (JsonNode problem : detail) {
                Optional<String> field = field(problem.path("loc"));
                if (firstParam.isEmpty()) {
                    firstParam = field;
                }
                String msg = problem.path("msg").asText("invalid value");
                problems.add(field.map(f -> f + ": " + msg).orElse(msg));
            }
            String message = problems.isEmpty() ? "Mistral rejected the request" : String.join("; ", problems);
            return new Validation(message, firstParam);
        }

        /** {@code ["body","messages",0,"content"]} becomes {@code messages[0].content}. */
        private static Optional<String> field(JsonNode loc) {
            StringBuilder path = new StringBuilder();
            for (JsonNode part : loc) {
                if (part.isInt()) {
                    path.append('[').append(part.asInt()).append(']');
                } else if (!(path.isEmpty() && part.asText().equals("body"))) {
                    if (!path.isEmpty()) {
                        path.append('.');
                    }
                    path.append(part.asText());
                }
            }
            return path.isEmpty() ? Optional.empty() : Optional.of(path.toString());
        }
    }
}
