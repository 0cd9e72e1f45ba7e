package dev.aigateway.domain.route;

import dev.aigateway.domain.Secret;
import dev.aigateway.domain.access.KeyAuth;
import java.net.URI;
import java.util.Map;
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
 * @param options the provider's own settings for this target, which only that provider reads
 * @param requestId the id of the request this target serves, sent upstream so both sides can be correlated
 * @param traceContext the headers that carry the attempt's trace context upstream (W3C {@code traceparent},
 *     {@code tracestate}); none when the request is not traced
 */
public record UpstreamTarget(String provider, Optional<URI> upstreamUrl, Optional<String> upstreamPath,
                             Optional<UpstreamAuth> auth, boolean allowOverride, UpstreamTimeouts timeouts,
                             ProviderOptions options, Optional<String> requestId,
                             Map<String, String> traceContext) {
    /** The header a client's own key arrives in when the route configures no credential. */
    public static final String CLIENT_KEY_HEADER = "Authorization";

    public UpstreamTarget {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(upstreamUrl, "upstreamUrl");
        Objects.requireNonNull(upstreamPath, "upstreamPath");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(requestId, "requestId");
        traceContext = Map.copyOf(traceContext);
    }

    /** A configured target, serving no request yet. */
    public UpstreamTarget(String provider, Optional<URI> upstreamUrl, Optional<String> upstreamPath,
                          Optional<UpstreamAuth> auth, boolean allowOverride, UpstreamTimeouts timeouts,
                          ProviderOptions options) {
        this(provider, upstreamUrl, upstreamPath, auth, allowOverride, timeouts, options, Optional.empty(),
                Map.of());
    }

    /** A target with the configured credential only, the default timeouts and no provider options. */
    public UpstreamTarget(String provider, Optional<URI> upstreamUrl, Optional<String> upstreamPath,
                          Optional<UpstreamAuth> auth) {
        this(provider, upstreamUrl, upstreamPath, auth, false, UpstreamTimeouts.DEFAULTS, ProviderOptions.none());
    }

    /**
     * Whether the client's own credential for this target would be read where a consumer key is: bring your own
     * key (no configured credential) on {@code Authorization}, or {@code allow_override} at the same place. A route
     * with such a target would send consumer keys upstream.
     */
    public boolean readsClientCredentialWhere(KeyAuth keyAuth) {
        if (auth.isEmpty()) {
            return keyAuth.readsHeader(CLIENT_KEY_HEADER);
        }
        return allowOverride && switch (auth.get()) {
            case UpstreamAuth.Header header -> keyAuth.readsHeader(header.name());
            case UpstreamAuth.QueryParam query -> keyAuth.readsQuery(query.name());
            case UpstreamAuth.BodyParam field -> keyAuth.readsBodyField(field.name());
        };
    }

    /**
     * Whether the credential that goes upstream is the one the client sent: a route without a configured
     * credential (bring your own key), or one that allows the client's to override it.
     */
    public boolean sendsClientCredential(Optional<Secret> clientCredential) {
        return clientCredential.isPresent() && (auth.isEmpty() || allowOverride);
    }

    /**
     * This target for one request: with its id, its attempt's trace context, and the credential it goes upstream
     * with, given the one its client sent at the place the route names (Kong's truth table): the configured one wins
     * unless {@code allowOverride}; a route without a configured credential passes the client's
     * {@code Authorization} header on (bring your own key).
     */
    public UpstreamTarget forRequest(Optional<Secret> clientCredential, String id, Map<String, String> trace) {
        Optional<UpstreamAuth> effective = !sendsClientCredential(clientCredential) ? auth
                : auth.isEmpty() ? clientCredential.map(value -> new UpstreamAuth.Header(CLIENT_KEY_HEADER, value))
                : Optional.of(auth.get().withValue(clientCredential.get()));
        return new UpstreamTarget(provider, upstreamUrl, upstreamPath, effective, allowOverride, timeouts, options,
                Optional.of(id), trace);
    }
}
