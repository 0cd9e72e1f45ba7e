package dev.aigateway.adapters.http;

import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Reads a request body up to a route's limit, so an oversized body is refused without being buffered. */
final class RequestBodies {

    private RequestBodies() { }

    /** A JSON body: refused with 415 when the client declares another type, 400 when there is none. */
    static byte[] readJson(ServerRequest request, long limit) {
        request.headers().first(HeaderNames.CONTENT_TYPE).ifPresent(type -> {
            if (!isJson(type)) {
                throw new GatewayException(new GatewayError.UnsupportedMediaType(type));
            }
        });
        if (!request.content().hasEntity()) {
            throw GatewayException.invalid("request body is empty", null);
        }
        return readUpTo(request, limit);
    }

    /** {@code application/json} or any {@code +json} type, with any parameters. */
    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    /** The body, or no bytes when the request has none (a pass-through GET). */
    static byte[] readIfAny(ServerRequest request, long limit) {
        return request.content().hasEntity() ? readUpTo(request, limit) : new byte[0];
    }

    private static byte[] readUpTo(ServerRequest request, long limit) {
        if (request.headers().contentLength().orElse(0) > limit) {
            throw new GatewayException(new GatewayError.RequestTooLarge(limit));
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (body.length > limit) {
                throw new GatewayException(new GatewayError.RequestTooLarge(limit));
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the request body failed", e);
        }
    }
}
