package dev.aigateway.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.domain.Usage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The usage object clients get: OpenAI's fields, its details objects and Mistral's audio seconds, each only when
 * set; OCR pages are the log line's and the metrics', not a chat answer's.
 */
class OpenAiUsageTest {

    @ParameterizedTest(name = "{4}")
    @CsvSource(delimiter = '|', textBlock = """
            0  | 0 | 0  | 0 | {"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}
            2  | 0 | 0  | 0 | {"prompt_tokens":3,"completion_tokens":4,"total_tokens":7,"prompt_tokens_details":{"cached_tokens":2}}
            0  | 1 | 0  | 0 | {"prompt_tokens":3,"completion_tokens":4,"total_tokens":7,"completion_tokens_details":{"reasoning_tokens":1}}
            0  | 0 | 12 | 0 | {"prompt_tokens":3,"completion_tokens":4,"total_tokens":7,"prompt_audio_seconds":12}
            0  | 0 | 0  | 5 | {"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}
            """)
    void writesOnlyWhatTheProviderReported(int cached, int reasoning, int audioSeconds, int pages,
                                           String expected) {
        Usage usage = new Usage(3, 4, 7, cached, reasoning, pages, audioSeconds);

        assertThat(OpenAiUsage.node(usage).toString()).isEqualTo(expected);
    }
}
