package dev.aigateway.ports;

import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.Secret;
import java.util.Optional;

/** Answers embedding requests that arrived on a route. */
public interface EmbeddingUseCase {

    /**
     * Applies the route's policy and returns the provider's vectors.
     *
     * @param clientCredential the credential the client sent where the route's {@code auth} looks for one
     *
     * @throws dev.aigateway.domain.error.GatewayException when the request is refused or the upstream fails
     */
    EmbeddingResponse embed(Route route, EmbeddingRequest request, Optional<Secret> clientCredential);
}
