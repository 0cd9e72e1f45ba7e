package dev.aigateway.ports;

import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.route.Route;

/** Answers embedding requests that arrived on a route. */
public interface EmbeddingUseCase {

    /**
     * Applies the route's policy and returns the provider's vectors, with the target that gave them.
     *
     * @param context the request's id and the client's credential
     *
     * @throws dev.aigateway.domain.error.GatewayException when the request is refused or the upstream fails
     */
    Answered<EmbeddingResponse> embed(Route route, EmbeddingRequest request, RequestContext context);
}
