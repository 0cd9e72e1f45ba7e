package dev.aigateway.adapters.http;

import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a request body up to a route's limit, so an oversized body is refused without being buffered. */
final class RequestBodies {

    private RequestBodies() { }

    static byte[] read(ServerRequest request, long limit) {
        if (!request.content().hasEntity()) {
            throw GatewayException.invalid("request body is empty", null);
        }
        return readUpTo(request, limit);
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
