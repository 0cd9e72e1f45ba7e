package dev.aigateway.domain.error;

import java.util.Objects;

/** Carries a {@link GatewayError} out of the core and the adapters to the ingress that reports it. */
public final class GatewayException extends RuntimeException {
    private final transient GatewayError error;

    public GatewayException(GatewayError error) {
        super(Objects.requireNonNull(error, "error").message());
        this.error = error;
    }

    public GatewayException(GatewayError error, Throwable cause) {
        super(Objects.requireNonNull(error, "error").message(), cause);
        this.error = error;
    }

    /** Shorthand for throwing an {@link GatewayError.InvalidRequest} about a field. */
    public static GatewayException invalid(String message, String param) {
        return new GatewayException(GatewayError.InvalidRequest.of(message, param));
    }

    public GatewayError error() {
        return error;
    }
}
