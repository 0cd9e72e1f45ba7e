package dev.aigateway.ports;

import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.route.Route;

/** Answers embedding requests that arrived on a route. */
public interface EmbeddingUseCase {

    /**
     * Applies the route's policy and returns the provider's vectors.
     *
     * @throws dev.aigateway.domain.error.GatewayException when the request is refused or the upstream fails
     */
    EmbeddingResponse embed(Route route, EmbeddingRequest request);
}
