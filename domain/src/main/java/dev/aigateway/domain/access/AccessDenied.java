package dev.aigateway.domain.access;

import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;

/** The refusals of access rules, as gateway errors every ingress maps to its status. */
final class AccessDenied {

    private AccessDenied() { }

    static GatewayException unauthenticated(String message) {
        return new GatewayException(new GatewayError.Unauthenticated(message));
    }

    static GatewayException forbidden(String message) {
        return new GatewayException(new GatewayError.Forbidden(message));
    }
}
