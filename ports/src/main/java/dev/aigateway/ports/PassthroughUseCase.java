package dev.aigateway.ports;

import dev.aigateway.domain.passthrough.PassthroughRequest;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.Secret;
import java.util.Optional;

/** Forwards requests on {@code preserve} routes untouched, except for the credential. */
public interface PassthroughUseCase {

    /**
     * Forwards the request to the route's upstream host and relays the answer to {@code responder}.
     *
     * @param clientCredential the credential the client sent where the route's {@code auth} looks for one
     * @throws dev.aigateway.domain.error.GatewayException when the upstream cannot be reached
     */
    void forward(Route route, PassthroughRequest request, Optional<Secret> clientCredential,
                 PassthroughResponder responder);
}
