package dev.aigateway.adapters.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;

/**
 * Errors Helidon raises before routing (malformed request line or headers, oversized headers or bodies,
 * overload) in the same OpenAI envelope as every other error. Messages are fixed per status: Helidon's own text
 * could quote what the client sent.
 */
final class EnvelopeDirectHandler implements DirectHandler {
    /** What an overloaded gateway suggests to wait, in seconds. */
    static final String OVERLOAD_RETRY_AFTER = "1";

    private final OpenAiJson json;

    EnvelopeDirectHandler(OpenAiJson json) {
        this.json = json;
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, String message) {
        ErrorReply reply = reply(status.code());
        TransportResponse.Builder response = TransportResponse.builder()
                .status(Status.create(reply.status()))
                .headers(headers)
                .header(HeaderValues.CONTENT_TYPE_JSON)
                .entity(json.write(reply.envelope()));
        reply.retryAfter().ifPresent(value -> response.header(HeaderNames.RETRY_AFTER, value));
        return response.build();
    }

    static ErrorReply reply(int status) {
        return switch (status) {
            case 413 -> OpenAiErrors.http(413, "request body is larger than the gateway accepts",
                    "request_too_large");
            case 414 -> OpenAiErrors.http(414, "request line is too long", "request_line_too_long");
            case 431 -> OpenAiErrors.http(431, "request headers are too large", "headers_too_large");
            case 503 -> OpenAiErrors.overloaded(OVERLOAD_RETRY_AFTER);
            case 505 -> OpenAiErrors.http(505, "HTTP version not supported", "http_version_not_supported");
            // Helidon reports headers over the size limit as a plain 400, indistinguishable from malformed ones.
            default -> status >= 500 ? OpenAiErrors.internal() : OpenAiErrors.http(status,
                    "the request line or headers are malformed or too large", "malformed_request");
        };
    }
}
