package dev.aigateway.domain.route;

import dev.aigateway.domain.ConfigNamed;
import dev.aigateway.domain.error.GatewayError;
import java.util.Optional;

/** Which failures move a request to another target (Kong's {@code balancer.failover_criteria}). */
public enum FailoverCriterion implements ConfigNamed {
    /** The upstream could not be reached: the request never got there. */
    ERROR("error"),
    TIMEOUT("timeout"),
    /** The upstream answered something unreadable. */
    INVALID_HEADER("invalid_header"),
    HTTP_403("http_403"),
    HTTP_404("http_404"),
    HTTP_429("http_429"),
    HTTP_500("http_500"),
    HTTP_502("http_502"),
    HTTP_503("http_503"),
    HTTP_504("http_504"),
    /** Allows retrying a POST the upstream already received (all LLM requests are POSTs). */
    NON_IDEMPOTENT("non_idempotent");

    private final String configName;

    FailoverCriterion(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }

    /** The criterion a failure falls under, if any. */
    public static Optional<FailoverCriterion> of(GatewayError error) {
        return switch (error) {
            case GatewayError.UpstreamUnreachable e -> Optional.of(ERROR);
            case GatewayError.UpstreamTimeout e -> Optional.of(TIMEOUT);
            case GatewayError.UpstreamProtocolError e -> Optional.of(INVALID_HEADER);
            case GatewayError.UpstreamRejected e -> ConfigNamed.byConfigName(FailoverCriterion.class, "http_" + e.status());
            case GatewayError.InvalidRequest e -> Optional.empty();
            case GatewayError.Unsupported e -> Optional.empty();
            case GatewayError.RequestTooLarge e -> Optional.empty();
            case GatewayError.UnsupportedMediaType e -> Optional.empty();
            case GatewayError.ShuttingDown e -> Optional.empty();
            // Access and limits are decided before any target is tried.
            case GatewayError.Unauthenticated e -> Optional.empty();
            case GatewayError.Forbidden e -> Optional.empty();
            case GatewayError.RateLimited e -> Optional.empty();
            case GatewayError.LimitsUnavailable e -> Optional.empty();
            // Another target would refuse the client's key as well: nothing to fail over for.
            case GatewayError.ClientCredentialRejected e -> Optional.empty();
        };
    }

    /** Whether the upstream had the request when this failure happened (only a refused connection says no). */
    public static boolean upstreamReceived(GatewayError error) {
        return !(error instanceof GatewayError.UpstreamUnreachable unreachable && !unreachable.afterSending());
    }
}
