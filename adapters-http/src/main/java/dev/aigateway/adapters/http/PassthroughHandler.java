package dev.aigateway.adapters.http;

import dev.aigateway.domain.access.Consumer;
import dev.aigateway.domain.access.KeyAuth;
import dev.aigateway.domain.passthrough.PassthroughRequest;
import dev.aigateway.domain.passthrough.RawBody;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.UpstreamAuth;
import dev.aigateway.ports.Cancellation;
import dev.aigateway.ports.LimitReport;
import dev.aigateway.ports.PassthroughUseCase;
import dev.aigateway.ports.RequestContext;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Any method on a {@code preserve} route: path, query and body go to the upstream host untouched, but for the
 * matched part of the path when the route strips it (Kong's {@code strip_path}).
 */
final class PassthroughHandler {
    private final Route route;
    private final PassthroughUseCase passthrough;
    private final HeadersRead headersRead;

    PassthroughHandler(Route route, PassthroughUseCase passthrough) {
        this.route = route;
        this.passthrough = passthrough;
        this.headersRead = new HeadersRead(route);
    }

    /** @param matchedLength how much of the request's path the route matched */
    void handle(ServerRequest request, ServerResponse response, int matchedLength) {
        Optional<Consumer> consumer = RequestKeys.admit(request, route, Optional.empty());
        byte[] body = RequestBodies.readIfAny(request, route.maxRequestBodyBytes());
        RequestContext context = new RequestContext(RequestIds.current(request),
                ClientCredentials.take(request, route), headersRead.from(request),
                Cancellation.NONE, consumer, request.path().path(), LimitReport.NONE);
        PassthroughRequest forwarded = new PassthroughRequest(request.prologue().method().text(),
                pathAndQuery(request, matchedLength), request.headers().first(HeaderNames.CONTENT_TYPE),
                request.headers().first(HeaderNames.ACCEPT), RawBody.of(body));
        passthrough.forward(route, forwarded, context, (status, headers) -> {
            response.status(status);
            headers.forEach(response::header);
            return response.outputStream();
        });
    }

    /**
     * The client's raw path and query, minus the query credential when the route puts its own there, and minus a
     * consumer key: neither goes upstream.
     */
    private String pathAndQuery(ServerRequest request, int matchedLength) {
        String query = request.prologue().query().rawValue();
        Set<String> removed = new HashSet<>();
        if (route.primary().upstream().auth().orElse(null) instanceof UpstreamAuth.QueryParam credential) {
            removed.add(credential.name());
        }
        route.access().keyAuth().filter(KeyAuth::inQuery).ifPresent(keyAuth -> removed.addAll(keyAuth.keyNames()));
        if (!removed.isEmpty()) {
            query = Arrays.stream(query.split("&"))
                    .filter(pair -> !pair.isEmpty() && !removed.contains(pair.split("=", 2)[0]))
                    .collect(Collectors.joining("&"));
        }
        String path = forwardedPath(request, matchedLength);
        return query.isEmpty() ? path : path + "?" + query;
    }

    /**
     * The raw path, without the part the route matched when it strips it. The match ran on the decoded path; when
     * the raw path differs there (percent-encoding inside the matched part) it is forwarded whole rather than cut in
     * the wrong place.
     */
    private String forwardedPath(ServerRequest request, int matchedLength) {
        String raw = request.path().rawPath();
        if (!route.matching().stripPath() || !raw.startsWith(request.path().path().substring(0, matchedLength))) {
            return raw;
        }
        String rest = raw.substring(matchedLength);
        return rest.startsWith("/") ? rest : "/" + rest;
    }
}
