package dev.aigateway.domain.error;

/**
 * Thrown by a {@link ChunkSink} when the client stopped listening mid-stream. Providers let it through
 * untouched and release their upstream stream; it is not an upstream failure.
 */
public final class ClientGoneException extends RuntimeException {

    public ClientGoneException(Throwable cause) {
        super("the client closed the connection", cause);
    }
}
