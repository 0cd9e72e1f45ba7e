package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.Secret;
import dev.aigateway.domain.access.Consumer;
import dev.aigateway.domain.route.Route;
import dev.aigateway.ports.Cancellation;
import dev.aigateway.ports.LimitReport;
import dev.aigateway.ports.Payloads;
import dev.aigateway.ports.RequestContext;
import io.helidon.webserver.http.ServerRequest;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON request on a route, read within the route's body limit, with the client's credential taken out of it.
 *
 * @param body the request body, without a body credential
 * @param clientCredential the credential the client sent where the route's {@code auth} looks for one
 * @param headers the headers the route's balancer and limit policies read and the client's trace context, by
 *     lower-case name, when sent
 * @param consumer who sent it, when the route authenticates
 * @param path the request's path
 */
record JsonExchange(ObjectNode body, String requestId, Optional<Secret> clientCredential,
                    Map<String, String> headers, Optional<Consumer> consumer, String path) {

    /**
     * Reads the request. Its consumer is checked before its body is read, unless the key may be in the body: a
     * client without a key does not get to send a megabyte first.
     */
    static JsonExchange read(ServerRequest request, Route route, HeadersRead headersRead, OpenAiJson json) {
        Optional<Consumer> consumer = RequestKeys.inBody(route) ? Optional.empty()
                : RequestKeys.admit(request, route, Optional.empty());
        ObjectNode body = json.readObject(RequestBodies.readJson(request, route.maxRequestBodyBytes()));
        if (RequestKeys.inBody(route)) {
            consumer = RequestKeys.admit(request, route, Optional.of(body));
        }
        return new JsonExchange(body, RequestIds.current(request), ClientCredentials.take(request, body, route),
                headersRead.from(request), consumer, request.path().path());
    }

    /**
     * The context the core gets, with the cancellation the ingress will trigger if it gives up, and where the
     * request's token windows are reported.
     */
    RequestContext context(Cancellation cancellation, LimitReport limits, Payloads payloads) {
        return new RequestContext(requestId, clientCredential, headers, cancellation, consumer, path, limits,
                payloads);
    }
}
