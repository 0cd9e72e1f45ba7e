package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.access.Consumer;
import dev.aigateway.domain.access.KeyAuth;
import dev.aigateway.domain.access.KeySources;
import dev.aigateway.domain.route.Route;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/** Where a request's consumer key may be, for the route's {@code key-auth}: its headers, query and JSON body. */
final class RequestKeys implements KeySources {
    private final ServerRequest request;
    private final Optional<ObjectNode> body;

    private RequestKeys(ServerRequest request, Optional<ObjectNode> body) {
        this.request = request;
        this.body = body;
    }

    /** Whether the route's key may be in the body, so that it must be read before the consumer is known. */
    static boolean inBody(Route route) {
        return route.access().keyAuth().map(KeyAuth::inBody).orElse(false);
    }

    /**
     * The request's consumer, when the route authenticates (401 or 403 otherwise). Body fields named as keys are
     * removed from {@code body}: a consumer key never goes upstream.
     */
    static Optional<Consumer> admit(ServerRequest request, Route route, Optional<ObjectNode> body) {
        Optional<Consumer> consumer = route.access().admit(new RequestKeys(request, body));
        body.ifPresent(json -> route.access().keyAuth().filter(KeyAuth::inBody)
                .ifPresent(keyAuth -> keyAuth.keyNames().forEach(json::remove)));
        return consumer;
    }

    @Override
    public Optional<String> header(String name) {
        return request.headers().first(HeaderNames.create(name));
    }

    @Override
    public Optional<String> query(String name) {
        return request.prologue().query().first(name).asOptional();
    }

    @Override
    public Optional<String> bodyField(String name) {
        return body.map(json -> json.get(name)).filter(JsonNode::isTextual).map(JsonNode::textValue);
    }
}
