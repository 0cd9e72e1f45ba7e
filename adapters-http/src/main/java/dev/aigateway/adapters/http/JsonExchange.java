package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.Secret;
import dev.aigateway.ports.Cancellation;
import dev.aigateway.ports.RequestContext;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON request on a route, read within the route's body limit, with the client's credential taken out of it.
 *
 * @param body the request body, without a body credential
 * @param clientCredential the credential the client sent where the route's {@code auth} looks for one
 * @param headers the header the route's balancer hashes on, by lower-case name, when the client sent it
 */
record JsonExchange(ObjectNode body, String requestId, Optional<Secret> clientCredential,
                    Map<String, String> headers) {

    static JsonExchange read(ServerRequest request, Route route, OpenAiJson json) {
        ObjectNode body = json.readObject(RequestBodies.readJson(request, route.maxRequestBodyBytes()));
        return new JsonExchange(body, RequestIds.current(request), ClientCredentials.take(request, body, route),
                balancerHeaders(request, route));
    }

    /** The context the core gets, with the cancellation the ingress will trigger if it gives up. */
    RequestContext context(Cancellation cancellation) {
        return new RequestContext(requestId, clientCredential, headers, cancellation);
    }

    /**
     * The one header a balancer reads ({@code hash_on_header}), if the route has one: copying every header of
     * every request would be work on the hot path for nothing.
     */
    static Map<String, String> balancerHeaders(ServerRequest request, Route route) {
        return route.balancer().hashOnHeader()
                .flatMap(name -> request.headers().first(HeaderNames.create(name))
                        .map(value -> Map.of(name.toLowerCase(Locale.ROOT), value)))
                .orElse(Map.of());
    }
}
