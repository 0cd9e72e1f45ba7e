package dev.aigateway.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.adapters.http.HttpModule.RequestLimits;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bodies that are not one clean JSON object are a 400, whatever the bytes. */
class OpenAiJsonTest {

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("empty", new byte[0]),
                Arguments.of("not JSON", bytes("hello")),
                Arguments.of("an array", bytes("[1,2]")),
                Arguments.of("a string", bytes("\"x\"")),
                Arguments.of("a duplicate key", bytes("{\"model\":\"a\",\"model\":\"b\"}")),
                Arguments.of("trailing data", bytes("{\"model\":\"a\"} {}")),
                Arguments.of("truncated", bytes("{\"model\":")),
                Arguments.of("bytes Jackson reads as a bad encoding", new byte[] {0, 0, 0x41, 0, 0, 8}),
                Arguments.of("invalid UTF-8", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}),
                Arguments.of("nesting deeper than the limit", bytes("{\"a\":" + "[".repeat(70) + "]".repeat(70) + "}")),
                Arguments.of("a number longer than any real value", bytes("{\"a\":" + "9".repeat(200) + "}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void refuses(String what, byte[] body) {
        assertThatThrownBy(() -> new OpenAiJson(RequestLimits.defaults()).readObject(body)).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.error()).isInstanceOf(GatewayError.InvalidRequest.class));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
