package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.route.Route;
import dev.aigateway.ports.RequestContext;
import io.helidon.webserver.http.ServerRequest;

/**
 * A JSON request on a route, read within the route's body limit, with the client's credential taken out of it.
 *
 * @param body the request body, without a body credential
 * @param context the request's id and the client's credential
 */
record JsonExchange(ObjectNode body, RequestContext context) {

    static JsonExchange read(ServerRequest request, Route route, OpenAiJson json, String requestId) {
        ObjectNode body = json.readObject(RequestBodies.readJson(request, route.maxRequestBodyBytes()));
        return new JsonExchange(body, new RequestContext(requestId, ClientCredentials.take(request, body, route)));
    }
}
