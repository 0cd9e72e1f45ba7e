package dev.aigateway.domain.passthrough;

import java.util.Objects;
import java.util.Optional;

/**
 * A request in a provider's own API on one of its endpoints (a native route), relayed as it came, with what the
 * gateway read from it to govern it.
 *
 * @param http the request as relayed: its path and query are what follows the endpoint's own path
 * @param model the model the body names, when it names one
 * @param stream whether the body asks for a streamed answer
 * @param promptTokens an upper estimate of the tokens of the body's text, for token limits (0 for bodies without
 *     text the provider counts in tokens, such as documents and audio)
 * @param maxTokens the most tokens the body lets the answer have, when it says
 */
public record NativeRequest(PassthroughRequest http, Optional<String> model, boolean stream, int promptTokens,
                            Optional<Integer> maxTokens) {
    public NativeRequest {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(maxTokens, "maxTokens");
        if (promptTokens < 0) {
            throw new IllegalArgumentException("promptTokens cannot be negative");
        }
    }
}
