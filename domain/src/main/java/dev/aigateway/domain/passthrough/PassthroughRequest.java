package dev.aigateway.domain.passthrough;

import java.util.Objects;
import java.util.Optional;

/**
 * A request forwarded untouched to the route's upstream host.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param pathAndQuery the client's raw path and query string, e.g. {@code /v1/ocr?x=1}; on a native route, what
 *     follows the endpoint's own path (e.g. {@code /file-1/content}, or empty)
 * @param contentType the client's {@code Content-Type}, when it sent one
 * @param accept the client's {@code Accept}, when it sent one
 */
public record PassthroughRequest(String method, String pathAndQuery, Optional<String> contentType,
                                 Optional<String> accept, RequestBody body) {
    public PassthroughRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        if (!pathAndQuery.isEmpty() && !pathAndQuery.startsWith("/") && !pathAndQuery.startsWith("?")) {
            throw new IllegalArgumentException("the path must start with '/'");
        }
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(accept, "accept");
        Objects.requireNonNull(body, "body");
    }
}
