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
 */
public record UpstreamTarget(String provider, Optional<URI> upstreamUrl, Optional<String> upstreamPath,
                             Optional<UpstreamAuth> auth) {
    public UpstreamTarget {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(upstreamUrl, "upstreamUrl");
        Objects.requireNonNull(upstreamPath, "upstreamPath");
        Objects.requireNonNull(auth, "auth");
    }
}
