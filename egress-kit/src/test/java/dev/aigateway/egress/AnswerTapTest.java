package dev.aigateway.egress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a native answer says about itself, read while it is relayed in pieces of any size. */
class AnswerTapTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            usage at the end                | {"id":"a1","model":"m","results":[{"x":1}],"usage":{"prompt_tokens":9}}               | m | a1 | {"prompt_tokens":9}
            OCR's usage_info                | {"pages":[{"markdown":"# {\\"usage\\": 1}"}],"model":"ocr","usage_info":{"pages_processed":2}} | ocr | | {"pages_processed":2}
            nested names are not the answer's | {"outputs":[{"model":"inner","id":"e1","usage":{}}],"conversation_id":"c1"}          | | c1 |
            escaped quotes in strings       | {"text":"say \\"model\\":\\"no\\"","model":"yes"}                                      | yes | |
            a string where an id should be an object | {"id":{"not":"a string"},"model":"m"}                                         | m | |
            white space before the object   | '   {"model" : "m" , "usage" : {"total_tokens" : 3} }'                                 | m | | {"total_tokens":3}
            not JSON at all                 | <html>bad gateway</html>                                                               | | |
            """)
    void readsTheTopLevelOfAJsonAnswer(String what, String answer, String model, String id, String usage) {
        for (int piece : new int[] {1, 3, 7, 4096}) {
            AnswerTap.Read read = feed(answer, piece);
            assertThat(read.model()).as(what + " in pieces of " + piece).isEqualTo(Optional.ofNullable(model));
            assertThat(read.id()).as(what).isEqualTo(Optional.ofNullable(id));
            assertThat(read.usage().map(Object::toString)).as(what).isEqualTo(Optional.ofNullable(usage));
        }
    }

    @ParameterizedTest(name = "pieces of {0}")
    @CsvSource({"1", "5", "17", "4096"})
    void readsTheEventsOfAStreamTheLastUsageWinning(int piece) {
        String stream = "event: conversation.response.started\n"
                + "data: {\"type\":\"conversation.response.started\",\"conversation_id\":\"c1\"}\n\n"
                + ": a comment\r\n"
                + "data: {\"type\":\"message.output.delta\",\"model\":\"mistral-medium\",\"content\":\"hi\"}\r\n\r\n"
                + "event: conversation.response.done\n"
                + "data: {\"type\":\"conversation.response.done\",\"usage\":{\"prompt_tokens\":4,"
                + "\"total_tokens\":10}}\n\n";

        AnswerTap.Read read = feed(stream, piece);

        assertThat(read.id()).contains("c1");
        assertThat(read.model()).contains("mistral-medium");
        assertThat(read.usage().map(Object::toString)).contains("{\"prompt_tokens\":4,\"total_tokens\":10}");
    }

    @ParameterizedTest(name = "{0} bytes of page text")
    @CsvSource({"100", "200000"})
    void aHugeValueBeforeTheUsageDoesNotHideIt(int size) {
        String answer = "{\"pages\":[{\"markdown\":\"" + "x".repeat(size) + "\"}],\"usage_info\":{\"pages_processed\":1}}";

        assertThat(feed(answer, 8192).usage().map(Object::toString)).contains("{\"pages_processed\":1}");
    }

    private static AnswerTap.Read feed(String answer, int piece) {
        AnswerTap tap = new AnswerTap(JSON, Set.of("id", "conversation_id"), Set.of("usage", "usage_info"));
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        for (int offset = 0; offset < bytes.length; offset += piece) {
            byte[] buffer = new byte[piece + 2];
            int length = Math.min(piece, bytes.length - offset);
            System.arraycopy(bytes, offset, buffer, 1, length);
            tap.accept(buffer, 1, length);
        }
        return tap.read();
    }
}
