package dev.aigateway.domain.error;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What went wrong with a request, in terms every ingress can map to its own status and error shape.
 * Messages are safe to show to clients: they never carry secrets, stack traces or internal addresses.
 */
public sealed interface GatewayError {

    /** A sentence describing the error, safe to show to the client. */
    String message();

    /** The request field the error is about, when there is one; errors about no field have none. */
    default Optional<String> param() {
        return Optional.empty();
    }

    /** The client's request is wrong: a bad field, a missing model, a value out of range. */
    record InvalidRequest(String message, Optional<String> param, Optional<String> code) implements GatewayError {
        public InvalidRequest {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(param, "param");
            Objects.requireNonNull(code, "code");
        }

        /** An invalid request about the given field. */
        public static InvalidRequest of(String message, String param) {
            return new InvalidRequest(message, Optional.ofNullable(param), Optional.empty());
        }
    }

    /** The client asked for something this route does not serve (another capability, streaming when denied). */
    record Unsupported(String message, Optional<String> param) implements GatewayError {
        public Unsupported {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(param, "param");
        }
    }

    /** The route needs a consumer's key and the request carries none, or one nobody has. */
    record Unauthenticated(String message) implements GatewayError {
        public Unauthenticated {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The request's consumer may not use this route. */
    record Forbidden(String message) implements GatewayError {
        public Forbidden {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The request does not fit in one of its token windows; nothing went upstream.
     *
     * @param windows every window the request counts in, as they stand
     * @param retryAfterSeconds when the fullest window has room again, at the latest
     */
    record RateLimited(String message, List<LimitState> windows, long retryAfterSeconds) implements GatewayError {
        public RateLimited {
            Objects.requireNonNull(message, "message");
            windows = List.copyOf(windows);
        }
    }

    /** The shared limit counters could not be read in time and the route does not serve unchecked. */
    record LimitsUnavailable() implements GatewayError {
        @Override
        public String message() {
            return "token limits cannot be checked right now; retry shortly";
        }
    }

    /** The gateway is shutting down and ended the answer after its grace period. */
    record ShuttingDown() implements GatewayError {
        @Override
        public String message() {
            return "the gateway is shutting down; retry the request";
        }
    }

    /** The request body is not in a format the route reads (JSON). */
    record UnsupportedMediaType(String contentType) implements GatewayError {
        public UnsupportedMediaType {
            Objects.requireNonNull(contentType, "contentType");
        }

        @Override
        public String message() {
            return "request body must be application/json";
        }
    }

    /** The request body is larger than the route allows. */
    record RequestTooLarge(long limitBytes) implements GatewayError {
        public RequestTooLarge {
            if (limitBytes < 0) {
                throw new IllegalArgumentException("limitBytes cannot be negative");
            }
        }

        @Override
        public String message() {
            return "request body is larger than this route's limit of " + limitBytes + " bytes";
        }
    }

    /**
     * The upstream answered with an error; its status and details are kept so the client sees what it said.
     *
     * @param status the upstream HTTP status
     * @param type the upstream's error type, when it gave one
     * @param code the upstream's error code, when it gave one
     * @param retryAfter the upstream's {@code Retry-After} value, when it sent one
     * @param rateLimits the upstream's rate-limit headers by name, passed on so clients can pace themselves
     */
    record UpstreamRejected(int status, String message, Optional<String> type, Optional<String> param,
                            Optional<String> code, Optional<String> retryAfter, Map<String, String> rateLimits)
            implements GatewayError {
        public UpstreamRejected {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(param, "param");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(retryAfter, "retryAfter");
            rateLimits = Map.copyOf(rateLimits);
        }

        /** An upstream rejection without rate-limit headers. */
        public UpstreamRejected(int status, String message, Optional<String> type, Optional<String> param,
                                Optional<String> code, Optional<String> retryAfter) {
            this(status, message, type, param, code, retryAfter, Map.of());
        }
    }

    /**
     * The upstream refused the credential the client sent (its own key, passed on by bring-your-own-key or
     * {@code allow_override}): the client's to fix, so it gets the upstream's 401 or 403, not a gateway error.
     *
     * @param status the upstream's 401 or 403
     */
    record ClientCredentialRejected(int status, String message) implements GatewayError {
        public ClientCredentialRejected {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The upstream could not be reached, or the connection broke.
     *
     * @param afterSending false only when the request certainly never reached the upstream (refused, unknown host)
     */
    record UpstreamUnreachable(String message, boolean afterSending) implements GatewayError {
        public UpstreamUnreachable {
            Objects.requireNonNull(message, "message");
        }

        /** A connection that broke after the request may have been sent. */
        public UpstreamUnreachable(String message) {
            this(message, true);
        }
    }

    /** The upstream did not answer in time. */
    record UpstreamTimeout(String message) implements GatewayError {
        public UpstreamTimeout {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The upstream answered something the gateway cannot read as a valid response. */
    record UpstreamProtocolError(String message) implements GatewayError {
        public UpstreamProtocolError {
            Objects.requireNonNull(message, "message");
        }
    }
}
