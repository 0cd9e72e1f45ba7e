package dev.aigateway.ports;

import dev.aigateway.domain.route.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * What the ingress knows about a request beyond its body.
 *
 * @param requestId the id that ties the client's answer, the log line and the upstream request together
 * @param clientCredential the credential the client sent where the route's {@code auth} looks for one
 */
public record RequestContext(String requestId, Optional<Secret> clientCredential) {
    public RequestContext {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(clientCredential, "clientCredential");
    }
}
