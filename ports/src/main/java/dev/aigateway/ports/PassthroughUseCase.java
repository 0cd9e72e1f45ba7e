package dev.aigateway.ports;

import dev.aigateway.domain.passthrough.PassthroughRequest;
import dev.aigateway.domain.route.Route;

/** Forwards requests on {@code preserve} routes untouched, except for the credential. */
public interface PassthroughUseCase {

    /**
     * Forwards the request to the route's upstream host and relays the answer to {@code responder}.
     *
     * @param context the request's id and the client's credential
     * @throws dev.aigateway.domain.error.GatewayException when the upstream cannot be reached
     */
    void forward(Route route, PassthroughRequest request, RequestContext context,
                 PassthroughResponder responder);
}
