package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * An error as the client receives it: status, OpenAI envelope, {@code Retry-After} if any, and the upstream's
 * rate-limit headers.
 */
record ErrorReply(int status, ObjectNode envelope, Optional<String> retryAfter, Map<String, String> headers) {

    ErrorReply(int status, ObjectNode envelope, Optional<String> retryAfter) {
        this(status, envelope, retryAfter, Map.of());
    }
}
