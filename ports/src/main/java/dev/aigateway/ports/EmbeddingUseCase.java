package dev.aigateway.ports;

import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.route.Route;

/** Answers embedding requests that arrived on a route. */
public interface EmbeddingUseCase {

    /**
     * Applies the route's policy and returns the provider's vectors.
     *
     * @param context the request's id and the client's credential
     *
     * @throws dev.aigateway.domain.error.GatewayException when the request is refused or the upstream fails
     */
    EmbeddingResponse embed(Route route, EmbeddingRequest request, RequestContext context);
}
