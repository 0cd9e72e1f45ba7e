package dev.aigateway.ports;

/**
 * The largest request shapes the ingress accepts: beyond them a request gets a 400 before anything is sent
 * upstream, whatever the body size limit allows.
 *
 * @param maxMessages messages in one chat request
 * @param maxTools tools in one chat request
 * @param maxEmbeddingInputs texts in one embeddings request
 * @param maxJsonDepth nesting of arrays and objects in a request body
 */
public record RequestLimits(int maxMessages, int maxTools, int maxEmbeddingInputs, int maxJsonDepth) {
    public RequestLimits {
        if (maxMessages < 1 || maxTools < 1 || maxEmbeddingInputs < 1 || maxJsonDepth < 1) {
            throw new IllegalArgumentException("request limits must be positive");
        }
    }

    /** Generous for real traffic, small enough that a request cannot make the gateway do unbounded work. */
    public static RequestLimits defaults() {
        return new RequestLimits(4096, 128, 2048, 64);
    }
}
