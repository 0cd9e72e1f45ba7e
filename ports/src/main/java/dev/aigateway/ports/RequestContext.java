package dev.aigateway.ports;

import dev.aigateway.domain.route.Secret;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the ingress knows about a request beyond its body.
 *
 * @param requestId the id that ties the client's answer, the log line and the upstream request together
 * @param clientCredential the credential the client sent where the route's {@code auth} looks for one
 * @param headers request headers a balancer keys on, by lower-case name (the ingress passes only those)
 * @param onServed told which target answers, before its answer is delivered
 */
public record RequestContext(String requestId, Optional<Secret> clientCredential, Map<String, String> headers,
                             Consumer<Served> onServed) {
    public RequestContext {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(clientCredential, "clientCredential");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(onServed, "onServed");
    }

    /** A context without headers, for callers that do not care which target serves. */
    public RequestContext(String requestId, Optional<Secret> clientCredential) {
        this(requestId, clientCredential, Map.of(), served -> { });
    }
}
