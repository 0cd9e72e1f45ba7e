package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.Secret;
import dev.aigateway.ports.RequestContext;
import dev.aigateway.ports.Served;
import io.helidon.http.Header;
import io.helidon.webserver.http.ServerRequest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A JSON request on a route, read within the route's body limit, with the client's credential taken out of it.
 *
 * @param body the request body, without a body credential
 * @param clientCredential the credential the client sent where the route's {@code auth} looks for one
 * @param headers the client's headers by lower-case name, for balancers that hash on one
 */
record JsonExchange(ObjectNode body, String requestId, Optional<Secret> clientCredential,
                    Map<String, String> headers) {

    static JsonExchange read(ServerRequest request, Route route, OpenAiJson json) {
        ObjectNode body = json.readObject(RequestBodies.readJson(request, route.maxRequestBodyBytes()));
        return new JsonExchange(body, RequestIds.current(request), ClientCredentials.take(request, body, route),
                headersOf(request));
    }

    /** The context the core gets, reporting the target that serves to {@code onServed}. */
    RequestContext context(Consumer<Served> onServed) {
        return new RequestContext(requestId, clientCredential, headers, onServed);
    }

    static Map<String, String> headersOf(ServerRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : request.headers()) {
            headers.put(header.name().toLowerCase(Locale.ROOT), header.values());
        }
        return headers;
    }
}
