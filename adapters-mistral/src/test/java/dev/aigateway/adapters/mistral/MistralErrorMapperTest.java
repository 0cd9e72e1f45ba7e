package dev.aigateway.adapters.mistral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.domain.error.GatewayError;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error shape Mistral has used, to one error with a string message naming the field. */
class MistralErrorMapperTest {
    private static final MistralErrorMapper MAPPER = new MistralErrorMapper(new ObjectMapper());

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("401 with message", 401, "{\"message\":\"Unauthorized\",\"request_id\":\"r1\"}",
                        "Unauthorized", null, null, null),
                Arguments.of("401 with detail", 401, "{\"detail\":\"Unauthorized\"}", "Unauthorized", null, null, null),
                Arguments.of("422 with an object-valued message", 422,
                        "{\"object\":\"error\",\"message\":{\"detail\":[{\"type\":\"extra_forbidden\",\"loc\":"
                                + "[\"body\",\"stream_options\"],\"msg\":\"Extra inputs are not permitted\","
                                + "\"input\":true}]},\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}",
                        "stream_options: Extra inputs are not permitted", "stream_options", "invalid_request_error",
                        null),
                Arguments.of("422 with a bare detail list", 422,
                        "{\"detail\":[{\"type\":\"extra_forbidden\",\"loc\":[\"body\",\"store\"],"
                                + "\"msg\":\"Extra inputs are not permitted\",\"input\":false}]}",
                        "store: Extra inputs are not permitted", "store", null, null),
                Arguments.of("422 with detail as a JSON string", 422,
                        "{\"object\":\"error\",\"message\":\"{\\\"detail\\\":[{\\\"type\\\":\\\"extra_forbidden\\\","
                                + "\\\"loc\\\":[\\\"body\\\",\\\"messages\\\",0,\\\"name\\\"],\\\"msg\\\":"
                                + "\\\"Extra inputs are not permitted\\\"}]}\",\"type\":\"internal_error_proxy\","
                                + "\"param\":null,\"code\":\"1000\"}",
                        "messages[0].name: Extra inputs are not permitted", "messages[0].name",
                        "internal_error_proxy", "1000"),
                Arguments.of("400 tool call id", 400,
                        "{\"object\":\"error\",\"message\":\"Tool call id was turn1_0 but must be a-z, A-Z, 0-9, "
                                + "with a length of 9.\",\"type\":\"invalid_function_call\",\"param\":null,"
                                + "\"code\":\"3280\"}",
                        "Tool call id was turn1_0 but must be a-z, A-Z, 0-9, with a length of 9.", null,
                        "invalid_function_call", "3280"),
                Arguments.of("429 current", 429,
                        "{\"object\":\"error\",\"message\":\"Rate limit exceeded\",\"type\":\"rate_limited\","
                                + "\"param\":null,\"code\":\"1300\"}",
                        "Rate limit exceeded", null, "rate_limited", "1300"),
                Arguments.of("429 older", 429, "{\"message\":\"Requests rate limit exceeded\"}",
                        "Requests rate limit exceeded", null, null, null),
                Arguments.of("500", 500,
                        "{\"object\":\"error\",\"message\":\"Service unavailable.\",\"type\":\"internal_server_error\","
                                + "\"param\":null,\"code\":\"3000\"}",
                        "Service unavailable.", null, "internal_server_error", "3000"),
                Arguments.of("HTML from a proxy", 502, "<html><body>Bad Gateway</body></html>",
                        "Mistral answered HTTP 502", null, null, null),
                Arguments.of("an empty body", 503, "", "Mistral answered HTTP 503", null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void normalises(String shape, int status, String body, String message, String param, String type, String code) {
        GatewayError.UpstreamRejected error = MAPPER.toError(status, body.getBytes(StandardCharsets.UTF_8),
                Optional.of("7"));

        assertThat(error.status()).isEqualTo(status);
        assertThat(error.message()).isEqualTo(message);
        assertThat(error.param()).isEqualTo(Optional.ofNullable(param));
        assertThat(error.type()).isEqualTo(Optional.ofNullable(type));
        assertThat(error.code()).isEqualTo(Optional.ofNullable(code));
        assertThat(error.retryAfter()).contains("7");
    }
}
