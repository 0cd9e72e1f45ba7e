package dev.aigateway.domain.route;

/** A route's rule for streamed answers (Kong's {@code response_streaming}). */
public enum ResponseStreaming {
    /** Stream when the client asks. */
    ALLOW,
    /** Refuse requests that ask for a stream. */
    DENY,
    /** Stream even when the client did not ask. */
    ALWAYS
}
