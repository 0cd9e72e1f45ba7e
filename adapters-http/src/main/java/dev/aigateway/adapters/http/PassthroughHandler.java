package dev.aigateway.adapters.http;

import dev.aigateway.domain.access.Consumer;
import dev.aigateway.domain.access.KeyAuth;
import dev.aigateway.domain.passthrough.NativeRequest;
import dev.aigateway.domain.passthrough.PassthroughRequest;
import dev.aigateway.domain.passthrough.RawBody;
import dev.aigateway.domain.route.Capability;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.UpstreamAuth;
import dev.aigateway.ports.Cancellation;
import dev.aigateway.ports.PassthroughResponder;
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
 * Requests relayed in the provider's own API. On a {@code preserve} route, any method: path, query and body go to the
 * upstream host untouched, but for the matched part of the path when the route strips it (Kong's {@code
 * strip_path}). On a native route (e.g. {@code mistral/v1/ocr}), what follows the matched path goes after the
 * endpoint's own path; a JSON body is read whole to be governed (model, tokens), any other (a multipart upload) is
 * streamed upstream as it arrives, within the route's size cap.
 */
final class PassthroughHandler {
    private final Route route;
    private final UseCases useCases;
    private final HeadersRead headersRead;

    PassthroughHandler(Route route, UseCases useCases) {
        this.route = route;
        this.useCases = useCases;
        this.headersRead = new HeadersRead(route);
    }

    /** @param matchedLength how much of the request's path the route matched */
    void handle(ServerRequest request, ServerResponse response, int matchedLength) {
        Optional<Consumer> consumer = RequestKeys.admit(request, route, Optional.empty());
        boolean governed = route.type().capability() == Capability.NATIVE;
        Optional<String> contentType = request.headers().first(HeaderNames.CONTENT_TYPE);
        byte[] whole = !governed || contentType.map(RequestBodies::isJson).orElse(true)
                ? RequestBodies.readIfAny(request, route.maxRequestBodyBytes()) : null;
        RequestContext context = new RequestContext(RequestIds.current(request),
                ClientCredentials.take(request, route), headersRead.from(request),
                Cancellation.NONE, consumer, request.path().path(),
                windows -> LimitHeaders.of(windows).forEach(response::header));
        PassthroughRequest forwarded = new PassthroughRequest(request.prologue().method().text(),
                pathAndQuery(request, matchedLength, governed), contentType,
                request.headers().first(HeaderNames.ACCEPT),
                whole != null ? RawBody.of(whole) : RequestBodies.streamed(request, route.maxRequestBodyBytes()));
        PassthroughResponder responder = (status, headers) -> {
            response.status(status);
            headers.forEach(response::header);
            return new ClientOutput(response.outputStream());
        };
        if (!governed) {
            useCases.passthrough().forward(route, forwarded, context, responder);
            return;
        }
        NativeBodies.Read read = whole != null ? NativeBodies.read(whole) : NativeBodies.Read.NOTHING;
        useCases.natives().relay(route, new NativeRequest(forwarded, read.model(), read.stream(),
                read.promptTokens(), read.maxTokens()), context, responder);
    }

    /**
     * The client's raw path and query, minus the query credential when the route puts its own there, and minus a
     * consumer key: neither goes upstream.
     */
    private String pathAndQuery(ServerRequest request, int matchedLength, boolean governed) {
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
        String path = governed ? rest(request, matchedLength) : forwardedPath(request, matchedLength);
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** What follows the matched part of the raw path; all of it when the raw path differs there. */
    private static String rest(ServerRequest request, int matchedLength) {
        String raw = request.path().rawPath();
        return raw.startsWith(request.path().path().substring(0, matchedLength)) ? raw.substring(matchedLength) : "";
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
        String rest = rest(request, matchedLength);
        return rest.startsWith("/") ? rest : "/" + rest;
    }
}
