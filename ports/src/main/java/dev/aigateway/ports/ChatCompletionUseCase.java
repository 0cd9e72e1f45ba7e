package dev.aigateway.ports;

import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.route.Route;

/** Answers chat completion requests that arrived on a route. */
public interface ChatCompletionUseCase {

    /**
     * Applies the route's policy, sends the request upstream and delivers the answer to {@code responder}.
     *
     * @param context the request's id and the client's credential
     *
     * @throws dev.aigateway.domain.error.GatewayException when the request is refused or the upstream fails
     */
    void chat(Route route, ChatRequest request, RequestContext context, ChatResponder responder);
}
