package dev.aigateway.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.error.GatewayException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServerSentEventsTest {

    record Read(List<String> events, boolean done) { }

    static Stream<Arguments> framings() {
        return Stream.of(
                Arguments.of("one event then [DONE]", "data: {\"a\":1}\n\ndata: [DONE]\n\n", List.of("{\"a\":1}"), true),
                Arguments.of("no space after the colon", "data:{\"a\":1}\n\ndata:[DONE]\n\n", List.of("{\"a\":1}"), true),
                Arguments.of("only one framing space is dropped", "data:  x\n\n", List.of(" x"), false),
                Arguments.of("CRLF endings", "data: a\r\n\r\ndata: b\r\n\r\ndata: [DONE]\r\n\r\n", List.of("a", "b"),
                        true),
                Arguments.of("CR endings", "data: a\r\rdata: [DONE]\r\r", List.of("a"), true),
                Arguments.of("data lines of one event joined by LF", "data: a\ndata: b\n\n", List.of("a\nb"), false),
                Arguments.of("comments and other fields ignored",
                        ": keep-alive\nevent: message\nid: 7\nretry: 10\ndata: x\n\n", List.of("x"), false),
                Arguments.of("a blank line without data sends nothing", "\n\n: ping\n\ndata: x\n\n", List.of("x"), false),
                Arguments.of("a body that ends without [DONE]", "data: a\n\n", List.of("a"), false),
                Arguments.of("a last event without its blank line", "data: a\n\ndata: b", List.of("a", "b"), false),
                Arguments.of("a last [DONE] without its blank line", "data: a\n\ndata: [DONE]", List.of("a"), true),
                Arguments.of("nothing after [DONE] is read", "data: [DONE]\n\ndata: late\n\n", List.of(), true),
                Arguments.of("multi-byte UTF-8 kept whole", "data: {\"c\":\"h\u00e9 \u2603 \uD83D\uDE00\"}\n\n",
                        List.of("{\"c\":\"h\u00e9 \u2603 \uD83D\uDE00\"}"), false),
                Arguments.of("an empty body", "", List.of(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framings")
    void readsEventsWhateverTheReadSizes(String name, String body, List<String> events, boolean done)
            throws IOException {
        Read expected = new Read(events, done);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        assertThat(read(new ByteArrayInputStream(bytes))).isEqualTo(expected);
        assertThat(read(new Trickle(bytes, 1))).isEqualTo(expected);
        assertThat(read(new Trickle(bytes, 3))).isEqualTo(expected);
    }

    @Test
    void anEventLongerThanTheBufferArrivesWhole() throws IOException {
        String big = "x".repeat(100_000);

        assertThat(read(new Trickle(("data: " + big + "\n\n").getBytes(StandardCharsets.UTF_8), 4096)))
                .isEqualTo(new Read(List.of(big), false));
    }

    @Test
    void anEventWithoutEndIsRefusedOnceTooLarge() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };

        assertThatThrownBy(() -> read(new Prefixed("data: ", endless)))
                .isInstanceOf(GatewayException.class).hasMessageContaining("larger than");
    }

    @Test
    void flushesWhenNoMoreBytesAreReadyAndNotBefore() throws IOException {
        List<String> log = new ArrayList<>();
        byte[] together = "data: a\n\ndata: b\n\n".getBytes(StandardCharsets.UTF_8);

        ServerSentEvents.read(new ByteArrayInputStream(together),
                data -> log.add(new String(data, StandardCharsets.UTF_8)), () -> log.add("flush"));

        assertThat(log).containsExactly("a", "b", "flush");
    }

    private static Read read(InputStream in) throws IOException {
        List<String> events = new ArrayList<>();
        boolean done = ServerSentEvents.read(in, data -> events.add(new String(data, StandardCharsets.UTF_8)));
        return new Read(events, done);
    }

    /** A fixed prefix, then another stream. */
    private static final class Prefixed extends InputStream {
        private final InputStream prefix;
        private final InputStream rest;

        Prefixed(String prefix, InputStream rest) {
            this.prefix = new ByteArrayInputStream(prefix.getBytes(StandardCharsets.UTF_8));
            this.rest = rest;
        }

        @Override
        public int read() throws IOException {
            int b = prefix.read();
            return b >= 0 ? b : rest.read();
        }
    }
}
