package dev.aigateway.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.domain.error.GatewayError;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Gateway errors to HTTP status and OpenAI's envelope, one row per error kind. */
class OpenAiErrorsTest {

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of(GatewayError.InvalidRequest.of("bad", "model"), 400, "invalid_request_error", "model",
                        null, null),
                Arguments.of(new GatewayError.Unsupported("no stream", Optional.of("stream")), 400,
                        "invalid_request_error", "stream", null, null),
                Arguments.of(new GatewayError.RequestTooLarge(10), 413, "invalid_request_error", null,
                        "request_too_large", null),
                Arguments.of(new GatewayError.UpstreamRejected(422, "store: Extra inputs are not permitted",
                        Optional.empty(), Optional.of("store"), Optional.empty(), Optional.empty()), 422,
                        "invalid_request_error", "store", null, null),
                Arguments.of(new GatewayError.UpstreamRejected(429, "Rate limit exceeded", Optional.of("rate_limited"),
                        Optional.empty(), Optional.of("1300"), Optional.of("3")), 429, "rate_limited", null, "1300", "3"),
                Arguments.of(new GatewayError.UpstreamRejected(503, "down", Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty()), 503, "upstream_error", null, null, null),
                Arguments.of(new GatewayError.UpstreamRejected(401, "Unauthorized", Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty()), 502, "upstream_error", null, "upstream_auth_failed", null),
                Arguments.of(new GatewayError.ClientCredentialRejected(401, "Unauthorized"), 401,
                        "invalid_request_error", null, "invalid_api_key", null),
                Arguments.of(new GatewayError.ClientCredentialRejected(403, "Forbidden"), 403,
                        "invalid_request_error", null, "permission_denied", null),
                Arguments.of(new GatewayError.UpstreamUnreachable("could not reach Mistral"), 502, "upstream_error",
                        null, "upstream_unreachable", null),
                Arguments.of(new GatewayError.UpstreamTimeout("slow"), 504, "upstream_error", null,
                        "upstream_timeout", null),
                Arguments.of(new GatewayError.UpstreamProtocolError("garbled"), 502, "upstream_error", null,
                        "upstream_bad_response", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void maps(GatewayError error, int status, String type, String param, String code, String retryAfter) {
        ErrorReply reply = OpenAiErrors.reply(error);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.envelope().at("/error/message").isTextual()).isTrue();
        assertThat(reply.envelope().at("/error/type").asText()).isEqualTo(type);
        assertThat(reply.envelope().at("/error/param").textValue()).isEqualTo(param);
        assertThat(reply.envelope().at("/error/code").textValue()).isEqualTo(code);
        assertThat(reply.retryAfter()).isEqualTo(Optional.ofNullable(retryAfter));
    }
}
