package dev.aigateway.ports;

import dev.aigateway.domain.passthrough.NativeRequest;
import dev.aigateway.domain.route.Route;

/**
 * Relays requests on native routes (a provider's own endpoints, e.g. Mistral's OCR) with the route's credential,
 * access rules and token limits, and reports each exchange with the usage its answer carried.
 */
public interface NativeUseCase {

    /**
     * Sends the request to the route's target and relays a successful answer to {@code responder} as it arrives.
     *
     * @throws dev.aigateway.domain.error.GatewayException when the request is refused, the upstream cannot be
     *     reached, or it answers with an error (which, not yet relayed, the client gets in the gateway's envelope)
     */
    void relay(Route route, NativeRequest request, RequestContext context, PassthroughResponder responder);
}
