package dev.aigateway.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.error.GatewayException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NdjsonLinesTest {

    static Stream<Arguments> framings() {
        return Stream.of(
                Arguments.of("one object per LF-ended line", "{\"a\":1}\n{\"b\":2}\n", List.of("{\"a\":1}", "{\"b\":2}")),
                Arguments.of("CRLF endings", "{\"a\":1}\r\n{\"b\":2}\r\n", List.of("{\"a\":1}", "{\"b\":2}")),
                Arguments.of("a last line without its ending", "{\"a\":1}\n{\"b\":2}", List.of("{\"a\":1}", "{\"b\":2}")),
                Arguments.of("blank lines skipped", "\n{\"a\":1}\n  \n\n{\"b\":2}\n", List.of("{\"a\":1}", "{\"b\":2}")),
                Arguments.of("multi-byte UTF-8 kept whole", "{\"c\":\"h\u00e9 \u2603 \uD83D\uDE00\"}\n",
                        List.of("{\"c\":\"h\u00e9 \u2603 \uD83D\uDE00\"}")),
                Arguments.of("an empty body", "", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framings")
    void readsLinesWhateverTheReadSizes(String name, String body, List<String> expected) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        assertThat(read(new ByteArrayInputStream(bytes))).isEqualTo(expected);
        for (int step : new int[] {1, 3}) {
            assertThat(read(new Trickle(bytes, step))).isEqualTo(expected);
        }
    }

    @Test
    void flushesWhenNoMoreBytesAreReadyAndNotBefore() throws IOException {
        List<String> log = new ArrayList<>();

        NdjsonLines.read(new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8)),
                line -> log.add(new String(line, StandardCharsets.UTF_8)), () -> log.add("flush"));

        assertThat(log).containsExactly("a", "b", "flush");
    }

    @Test
    void aLineWithoutEndIsRefusedOnceTooLarge() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };

        assertThatThrownBy(() -> read(new SequenceInputStream(new ByteArrayInputStream("{".getBytes()), endless)))
                .isInstanceOf(GatewayException.class).hasMessageContaining("larger than");
    }

    private static List<String> read(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        NdjsonLines.read(in, line -> lines.add(new String(line, StandardCharsets.UTF_8)), () -> { });
        return lines;
    }
}
