package dev.aigateway.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the gateway reads from a native request's body to govern it, and what it leaves out of the estimate. */
class NativeBodiesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            moderation inputs            | {"model":"mod","input":["abcdef","ghi"]}                                      | mod | false | 3 |
            model name is not text       | {"model":"a-very-long-model-name-indeed"}                                     | a-very-long-model-name-indeed | false | 0 |
            conversation with max_tokens | {"inputs":"abcdef","stream":true,"completion_args":{"max_tokens":64}}         | | true | 2 | 64
            max_tokens elsewhere ignored | {"inputs":"abc","max_tokens":64,"tools":[{"completion_args":{"max_tokens":9}}]} | | false | 1 |
            nested model is not the model | {"inputs":[{"model":"x","content":"abc"}]}                                  | | false | 2 |
            documents are not text       | {"model":"ocr","document":{"type":"document_url","document_url":"https://example.com/a-long-document.pdf"}} | ocr | false | 4 |
            inline data is not text      | {"model":"ocr","document":{"type":"image_url","image_url":"data:image/png;base64,AAAA"}} | ocr | false | 3 |
            a data URL under any name    | {"inputs":"data:audio/mpeg;base64,AAAAAAAAAAAA"}                             | | false | 0 |
            text shorter than a prefix   | {"inputs":"dat"}                                                             | | false | 1 |
            stream false                 | {"inputs":"abc","stream":false}                                              | | false | 1 |
            not an object                | ["abc"]                                                                      | | false | 0 |
            not JSON                     | model=abc                                                                    | | false | 0 |
            """)
    void readsModelStreamTokensAndMaxTokens(String what, String body, String model, boolean stream, int tokens,
                                            Integer maxTokens) {
        NativeBodies.Read read = NativeBodies.read(body.getBytes(StandardCharsets.UTF_8));

        assertThat(read.model()).as(what).isEqualTo(Optional.ofNullable(model));
        assertThat(read.stream()).as(what).isEqualTo(stream);
        assertThat(read.promptTokens()).as(what).isEqualTo(tokens);
        assertThat(read.maxTokens()).as(what).isEqualTo(Optional.ofNullable(maxTokens));
    }
}
