package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * An error as the client receives it: status, OpenAI envelope, and the upstream's {@code Retry-After} if any.
 */
record ErrorReply(int status, ObjectNode envelope, Optional<String> retryAfter) { }
