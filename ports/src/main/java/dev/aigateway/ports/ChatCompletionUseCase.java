package dev.aigateway.ports;

import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.Secret;
import java.util.Optional;

/** Answers chat completion requests that arrived on a route. */
public interface ChatCompletionUseCase {

    /**
     * Applies the route's policy, sends the request upstream and delivers the answer to {@code responder}.
     *
     * @param clientCredential the credential the client sent where the route's {@code auth} looks for one
     *
     * @throws dev.aigateway.domain.error.GatewayException when the request is refused or the upstream fails
     */
    void chat(Route route, ChatRequest request, Optional<Secret> clientCredential, ChatResponder responder);
}
