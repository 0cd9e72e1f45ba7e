package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.Secret;
import dev.aigateway.ports.EmbeddingUseCase;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/** {@code POST} on an embeddings route. */
final class EmbeddingsHandler implements Handler {
    private final Route route;
    private final EmbeddingUseCase embeddings;
    private final OpenAiJson json;

    EmbeddingsHandler(Route route, EmbeddingUseCase embeddings, OpenAiJson json) {
        this.route = route;
        this.embeddings = embeddings;
        this.json = json;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        ObjectNode body = json.readObject(RequestBodies.read(request, route.maxRequestBodyBytes()));
        Optional<Secret> clientCredential = ClientCredentials.take(request, body, route);
        IncomingEmbeddings incoming = OpenAiEmbeddingMapper.fromWire(body);
        EmbeddingResponse answer = embeddings.embed(route, incoming.request(), clientCredential);
        Replies.modelHeader(response, route, answer.model());
        Replies.sendJson(response, 200, json.write(OpenAiEmbeddingMapper.toWire(answer, incoming.base64())));
    }
}
