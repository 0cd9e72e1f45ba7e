package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.Secret;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.UpstreamAuth;
import dev.aigateway.domain.route.UpstreamTarget;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/** Finds the credential a client sent, at the place its route's {@code auth} names. */
final class ClientCredentials {

    private ClientCredentials() { }

    /**
     * The client's credential, if any. A body parameter is also removed from {@code body}: whichever credential
     * wins, the client's own field must not be forwarded as an unknown field.
     */
    static Optional<Secret> take(ServerRequest request, ObjectNode body, Route route) {
        return take(request, Optional.of(body), route);
    }

    /** The client's credential on a route whose body is not JSON the gateway reads. */
    static Optional<Secret> take(ServerRequest request, Route route) {
        return take(request, Optional.empty(), route);
    }

    private static Optional<Secret> take(ServerRequest request, Optional<ObjectNode> body, Route route) {
        Optional<UpstreamAuth> configured = route.primary().upstream().auth();
        if (configured.isEmpty()) {
            return header(request, route, UpstreamTarget.CLIENT_KEY_HEADER);
        }
        return switch (configured.get()) {
            case UpstreamAuth.Header header -> header(request, route, header.name());
            case UpstreamAuth.QueryParam query -> request.prologue().query().first(query.name()).asOptional()
                    .filter(value -> !value.isEmpty()).map(Secret::of);
            case UpstreamAuth.BodyParam field -> {
                JsonNode value = body.map(json -> json.remove(field.name())).orElse(null);
                yield value != null && value.isTextual() && !value.textValue().isEmpty()
                        ? Optional.of(Secret.of(value.textValue())) : Optional.empty();
            }
        };
    }

    /** A header that carries a consumer key is never taken for the client's upstream credential. */
    private static Optional<Secret> header(ServerRequest request, Route route, String name) {
        if (route.access().keyAuth().filter(keyAuth -> keyAuth.readsHeader(name)).isPresent()) {
            return Optional.empty();
        }
        return request.headers().first(HeaderNames.create(name)).filter(value -> !value.isBlank()).map(Secret::of);
    }
}
