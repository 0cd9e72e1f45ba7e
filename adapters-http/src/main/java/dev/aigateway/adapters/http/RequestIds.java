package dev.aigateway.adapters.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/** The id of each request: the client's {@code X-Request-Id} when it is a sane token, else a new UUID. */
final class RequestIds {
    static final HeaderName HEADER = HeaderNames.create("X-Request-Id");
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() { }

    private static final String CONTEXT_KEY = "dev.aigateway.request-id";

    /** Gives the request its id, on the response too; done once per request, before routing. */
    static String assign(ServerRequest request, io.helidon.webserver.http.ServerResponse response) {
        String id = of(request);
        request.context().register(CONTEXT_KEY, id);
        response.header(HEADER, id);
        return id;
    }

    /** The id {@link #assign} gave the request. */
    static String current(ServerRequest request) {
        return request.context().get(CONTEXT_KEY, String.class).orElseGet(() -> of(request));
    }

    private static String of(ServerRequest request) {
        return request.headers().first(HEADER).filter(id -> SANE.matcher(id).matches())
                .orElseGet(() -> UUID.randomUUID().toString());
    }
}
