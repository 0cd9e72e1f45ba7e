package dev.aigateway.ports;

import dev.aigateway.domain.completion.CompletionRequest;
import dev.aigateway.domain.route.Route;

/** Answers text completion (prompt / suffix) requests that arrived on a route. */
public interface CompletionUseCase {

    /**
     * Applies the route's policy, sends the request upstream and delivers the answer (chat-shaped, one text per
     * choice) to {@code responder}.
     *
     * @param context the request's id and the client's credential
     * @throws dev.aigateway.domain.error.GatewayException when the request is refused or the upstream fails
     */
    void complete(Route route, CompletionRequest request, RequestContext context, ChatResponder responder);
}
