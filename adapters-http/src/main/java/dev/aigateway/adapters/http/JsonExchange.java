package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.Secret;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/**
 * A JSON request on a route, read within the route's body limit, with the client's credential taken out of it.
 *
 * @param body the request body, without a body credential
 * @param clientCredential the credential the client sent where the route's {@code auth} looks for one
 */
record JsonExchange(ObjectNode body, Optional<Secret> clientCredential) {

    static JsonExchange read(ServerRequest request, Route route, OpenAiJson json) {
        ObjectNode body = json.readObject(RequestBodies.readJson(request, route.maxRequestBodyBytes()));
        Optional<Secret> clientCredential = ClientCredentials.take(request, body, route);
        return new JsonExchange(body, clientCredential);
    }
}
