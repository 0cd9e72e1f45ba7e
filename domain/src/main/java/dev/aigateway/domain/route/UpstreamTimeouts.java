package dev.aigateway.domain.route;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the gateway waits on its upstream.
 *
 * @param connect to open a connection
 * @param firstByte for the answer to begin (and for any single read)
 * @param streamIdle between two pieces of a streamed answer
 * @param total for a whole streamed answer
 */
public record UpstreamTimeouts(Duration connect, Duration firstByte, Duration streamIdle, Duration total) {
    /** Kong's 60 s for connect and read, a minute of stream silence, and ten minutes for a whole stream. */
    public static final UpstreamTimeouts DEFAULTS = new UpstreamTimeouts(Duration.ofSeconds(60),
            Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMinutes(10));

    public UpstreamTimeouts {
        for (Duration duration : new Duration[] {connect, firstByte, streamIdle, total}) {
            Objects.requireNonNull(duration, "timeout");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
        }
    }
}
