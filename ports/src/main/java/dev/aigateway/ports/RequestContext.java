package dev.aigateway.ports;

import dev.aigateway.domain.Secret;
import dev.aigateway.domain.access.Consumer;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the ingress knows about a request beyond its body.
 *
 * @param requestId the id that ties the client's answer, the log line and the upstream request together
 * @param clientCredential the credential the client sent where the route's {@code auth} looks for one
 * @param headers request headers a balancer keys on, by lower-case name (the ingress passes only those)
 * @param cancellation where the provider registers how to abort its upstream call when the ingress gives up
 * @param consumer who sent the request, when the route authenticates
 * @param path the request's path, for limit policies that match on it
 * @param limits where the core reports the request's token windows
 * @param payloads the bodies the ingress keeps for a route that logs payloads
 */
public record RequestContext(String requestId, Optional<Secret> clientCredential, Map<String, String> headers,
                             Cancellation cancellation, Optional<Consumer> consumer, String path, LimitReport limits,
                             Payloads payloads) {
    public RequestContext {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(clientCredential, "clientCredential");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(cancellation, "cancellation");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(payloads, "payloads");
    }

    /** A context whose bodies nobody keeps. */
    public RequestContext(String requestId, Optional<Secret> clientCredential, Map<String, String> headers,
                          Cancellation cancellation, Optional<Consumer> consumer, String path, LimitReport limits) {
        this(requestId, clientCredential, headers, cancellation, consumer, path, limits, Payloads.NONE);
    }

    /** A context of an anonymous client, reported nowhere. */
    public RequestContext(String requestId, Optional<Secret> clientCredential, Map<String, String> headers,
                          Cancellation cancellation) {
        this(requestId, clientCredential, headers, cancellation, Optional.empty(), "", LimitReport.NONE);
    }

    /** A context without headers, never cancelled. */
    public RequestContext(String requestId, Optional<Secret> clientCredential) {
        this(requestId, clientCredential, Map.of(), Cancellation.NONE);
    }
}
