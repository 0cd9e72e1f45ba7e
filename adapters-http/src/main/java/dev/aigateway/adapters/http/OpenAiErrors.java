package dev.aigateway.adapters.http;

import static dev.aigateway.adapters.http.OpenAiJson.NODES;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.error.GatewayError;
import java.util.Optional;

/** The one place that turns gateway errors into HTTP statuses and OpenAI's {@code {"error":{...}}} envelope. */
final class OpenAiErrors {
    static final String INVALID_REQUEST = "invalid_request_error";

    private OpenAiErrors() { }

    static ErrorReply reply(GatewayError error) {
        return switch (error) {
            case GatewayError.InvalidRequest e ->
                    new ErrorReply(400, envelope(e.message(), INVALID_REQUEST, e.param(), e.code()), Optional.empty());
            case GatewayError.Unsupported e ->
                    new ErrorReply(400, envelope(e.message(), INVALID_REQUEST, e.param(), Optional.empty()),
                            Optional.empty());
            case GatewayError.RequestTooLarge e -> new ErrorReply(413,
                    envelope(e.message(), INVALID_REQUEST, Optional.empty(), Optional.of("request_too_large")),
                    Optional.empty());
            case GatewayError.UnsupportedMediaType e -> new ErrorReply(415,
                    envelope(e.message(), INVALID_REQUEST, Optional.empty(), Optional.of("unsupported_media_type")),
                    Optional.empty());
            case GatewayError.ShuttingDown e -> new ErrorReply(503,
                    envelope(e.message(), "server_error", Optional.empty(), Optional.of("shutting_down")),
                    Optional.of("1"));
            case GatewayError.Unauthenticated e -> new ErrorReply(401,
                    envelope(e.message(), INVALID_REQUEST, Optional.empty(), Optional.of("invalid_api_key")),
                    Optional.empty());
            case GatewayError.Forbidden e -> new ErrorReply(403,
                    envelope(e.message(), INVALID_REQUEST, Optional.empty(), Optional.of("permission_denied")),
                    Optional.empty());
            case GatewayError.RateLimited e -> new ErrorReply(429,
                    envelope(e.message(), "tokens", Optional.empty(), Optional.of("rate_limit_exceeded")),
                    Optional.of(Long.toString(e.retryAfterSeconds())), LimitHeaders.of(e.windows()));
            case GatewayError.LimitsUnavailable e -> new ErrorReply(503,
                    envelope(e.message(), "server_error", Optional.empty(), Optional.of("limits_unavailable")),
                    Optional.of("1"));
            case GatewayError.UpstreamRejected e -> upstreamRejected(e);
            case GatewayError.ClientCredentialRejected e -> new ErrorReply(e.status(), envelope(e.message(),
                    INVALID_REQUEST, Optional.empty(), Optional.of(e.status() == 401 ? "invalid_api_key"
                            : "permission_denied")), Optional.empty());
            case GatewayError.UpstreamUnreachable e -> new ErrorReply(502,
                    envelope(e.message(), "upstream_error", Optional.empty(), Optional.of("upstream_unreachable")),
                    Optional.empty());
            case GatewayError.UpstreamTimeout e -> new ErrorReply(504,
                    envelope(e.message(), "upstream_error", Optional.empty(), Optional.of("upstream_timeout")),
                    Optional.empty());
            case GatewayError.UpstreamProtocolError e -> new ErrorReply(502,
                    envelope(e.message(), "upstream_error", Optional.empty(), Optional.of("upstream_bad_response")),
                    Optional.empty());
        };
    }

    /** An error the HTTP layer itself raises (unknown path, wrong method). */
    static ErrorReply http(int status, String message, String code) {
        return new ErrorReply(status, envelope(message, INVALID_REQUEST, Optional.empty(), Optional.of(code)),
                Optional.empty());
    }

    /** The gateway is at its limit of concurrent requests. */
    static ErrorReply overloaded(String retryAfter) {
        return new ErrorReply(503, envelope("the gateway is at its limit of concurrent requests; retry shortly",
                "server_error", Optional.empty(), Optional.of("overloaded")), Optional.of(retryAfter));
    }

    /** A failure nobody anticipated: a fixed message, since the exception's own text may leak internals. */
    static ErrorReply internal() {
        return new ErrorReply(500, envelope("the gateway failed to handle this request", "server_error",
                Optional.empty(), Optional.of("internal_error")), Optional.empty());
    }

    private static ErrorReply upstreamRejected(GatewayError.UpstreamRejected e) {
        if (e.status() == 401 || e.status() == 403) {
            // The gateway's own credential was refused: the client's key is not at fault, so no 401 for it.
            return new ErrorReply(502, envelope("the upstream refused the gateway's credential",
                    "upstream_error", Optional.empty(), Optional.of("upstream_auth_failed")), Optional.empty());
        }
        String type = e.type().orElse(e.status() == 429 ? "rate_limit_error"
                : e.status() >= 500 ? "upstream_error" : INVALID_REQUEST);
        return new ErrorReply(e.status(), envelope(e.message(), type, e.param(), e.code()), e.retryAfter(),
                e.rateLimits());
    }

    static ObjectNode envelope(String message, String type, Optional<String> param, Optional<String> code) {
        ObjectNode envelope = NODES.objectNode();
        envelope.putObject("error")
                .put("message", message)
                .put("type", type)
                .put("param", param.orElse(null))
                .put("code", code.orElse(null));
        return envelope;
    }
}
