package dev.aigateway.domain.route;

/** Which side wins when both the route config and the request set a tuning value. */
public enum TuningPrecedence {
    /** The configured value replaces the client's (what Kong's code does). */
    CONFIG,
    /** The configured value is only a default for requests that do not set one (what Kong's docs say). */
    REQUEST
}
