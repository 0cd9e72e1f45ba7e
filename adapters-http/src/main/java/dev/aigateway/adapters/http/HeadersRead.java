package dev.aigateway.adapters.http;

import dev.aigateway.domain.route.Route;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The request headers a route's rules read (the balancer's {@code hash_on_header}, the limit policies' headers)
 * and the client's W3C trace context, named once per route and copied per request only when the client sent them:
 * copying every header of every request would be work on the hot path for nothing.
 */
final class HeadersRead {
    private static final List<HeaderName> TRACE_CONTEXT = List.of(HeaderNames.create("traceparent"),
            HeaderNames.create("tracestate"));

    private final List<HeaderName> names;

    HeadersRead(Route route) {
        List<HeaderName> all = new ArrayList<>();
        route.headersRead().forEach(name -> all.add(HeaderNames.create(name)));
        all.addAll(TRACE_CONTEXT);
        this.names = List.copyOf(all);
    }

    /** The headers sent, by lower-case name; nothing is allocated for a request that sent none of them. */
    Map<String, String> from(ServerRequest request) {
        Map<String, String> read = null;
        for (HeaderName name : names) {
            Optional<String> value = request.headers().first(name);
            if (value.isPresent()) {
                if (read == null) {
                    read = new HashMap<>(4);
                }
                read.put(name.lowerCase(), value.get());
            }
        }
        return read == null ? Map.of() : read;
    }
}
