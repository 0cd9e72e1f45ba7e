package dev.aigateway.ports;

import dev.aigateway.domain.route.Secret;
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
 */
public record RequestContext(String requestId, Optional<Secret> clientCredential, Map<String, String> headers,
                             Cancellation cancellation) {
    public RequestContext {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(clientCredential, "clientCredential");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(cancellation, "cancellation");
    }

    /** A context without headers, never cancelled. */
    public RequestContext(String requestId, Optional<Secret> clientCredential) {
        this(requestId, clientCredential, Map.of(), Cancellation.NONE);
    }
}
