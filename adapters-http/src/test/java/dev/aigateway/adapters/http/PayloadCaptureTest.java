package dev.aigateway.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChunkChoice;
import dev.aigateway.domain.chat.ChunkDelta;
import dev.aigateway.domain.chat.ToolCall;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PayloadCaptureTest {

    @Test
    void aStreamIsAssembledIntoOneAssistantMessageWithItsToolCalls() {
        PayloadCapture capture = PayloadCapture.keeping("{}".getBytes(StandardCharsets.UTF_8));
        capture.relayed(chunk(Optional.of("Let me "), List.of()));
        capture.relayed(chunk(Optional.of("check."), List.of()));
        capture.relayed(chunk(Optional.empty(), List.of(new ToolCall("call_1", "weather", "{\"city\":\"Paris\"}"))));

        assertThat(capture.response()).contains("{\"role\":\"assistant\",\"content\":\"Let me check.\","
                + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"weather\","
                + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}");
        assertThat(capture.request()).contains("{}");
    }

    @Test
    void aWholeAnswerIsKeptAsSentAndCapped() {
        PayloadCapture capture = PayloadCapture.keeping("{}".getBytes(StandardCharsets.UTF_8));
        capture.response("y".repeat(PayloadCapture.MAX_CHARS + 10).getBytes(StandardCharsets.UTF_8));

        assertThat(capture.response().orElseThrow()).startsWith("yyy").endsWith("...[10 more characters]")
                .hasSize(PayloadCapture.MAX_CHARS + "...[10 more characters]".length());
    }

    @Test
    void aRouteThatDoesNotLogPayloadsKeepsNothing() {
        PayloadCapture.NONE.response("{\"secret\":1}".getBytes(StandardCharsets.UTF_8));
        PayloadCapture.NONE.relayed(chunk(Optional.of("text"), List.of()));

        assertThat(PayloadCapture.NONE.request()).isEmpty();
        assertThat(PayloadCapture.NONE.response()).isEmpty();
    }

    private static ChatChunk chunk(Optional<String> content, List<ToolCall> calls) {
        return new ChatChunk("c", 1, "m", List.of(new ChunkChoice(0, new ChunkDelta(false, content, Optional.empty(),
                calls), Optional.empty())), Optional.empty());
    }
}
