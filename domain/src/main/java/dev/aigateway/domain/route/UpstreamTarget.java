package dev.aigateway.domain.route;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how a route reaches its provider.
 *
 * @param provider the provider's id, e.g. {@code mistral}
 * @param upstreamUrl the configured endpoint, replacing the provider's default; never taken from a request
 * @param upstreamPath a path replacing the one of the endpoint
 * @param auth the credential injected upstream, when configured
 * @param allowOverride whether a credential the client sent replaces the configured one (Kong's
 *     {@code auth.allow_override})
 * @param timeouts how long to wait on the upstream
 */
public record UpstreamTarget(String provider, Optional<URI> upstreamUrl, Optional<String> upstreamPath,
                             Optional<UpstreamAuth> auth, boolean allowOverride, UpstreamTimeouts timeouts) {
    /** The header a client's own key arrives in when the route configures no credential. */
    public static final String CLIENT_KEY_HEADER = "Authorization";

    public UpstreamTarget {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(upstreamUrl, "upstreamUrl");
        Objects.requireNonNull(upstreamPath, "upstreamPath");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /** A target with the configured credential only and the default timeouts. */
    public UpstreamTarget(String provider, Optional<URI> upstreamUrl, Optional<String> upstreamPath,
                          Optional<UpstreamAuth> auth) {
        this(provider, upstreamUrl, upstreamPath, auth, false, UpstreamTimeouts.DEFAULTS);
    }

    /**
     * This target with the credential a request goes upstream with, given the one its client sent at the place
     * the route names (Kong's truth table): the configured one wins unless {@code allowOverride}; a route without
     * a configured credential passes the client's {@code Authorization} header on (bring your own key).
     */
    public UpstreamTarget forClient(Optional<Secret> clientCredential) {
        Optional<UpstreamAuth> effective = auth.isEmpty()
                ? clientCredential.map(value -> new UpstreamAuth.Header(CLIENT_KEY_HEADER, value))
                : allowOverride && clientCredential.isPresent()
                        ? Optional.of(auth.get().withValue(clientCredential.get()))
                        : auth;
        return new UpstreamTarget(provider, upstreamUrl, upstreamPath, effective, allowOverride, timeouts);
    }
}
