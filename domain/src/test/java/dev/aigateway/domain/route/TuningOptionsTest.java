package dev.aigateway.domain.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.Message;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tuning-precedence setting: who wins when the route and the request both set a value. */
class TuningOptionsTest {

    @ParameterizedTest(name = "precedence={0}, configured={1}, requested={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "CONFIG,  0.2, 0.9, 0.2",
            "REQUEST, 0.2, 0.9, 0.9",
            "CONFIG,  0.2, -,   0.2",
            "REQUEST, 0.2, -,   0.2",
            "CONFIG,  -,   0.9, 0.9",
            "REQUEST, -,   0.9, 0.9",
            "CONFIG,  -,   -,   -"})
    void mergesTemperature(TuningPrecedence precedence, Double configured, Double requested, Double expected) {
        TuningOptions options = new TuningOptions(Optional.empty(), Optional.ofNullable(configured),
                Optional.empty(), Optional.empty());

        ChatRequest merged = options.applyTo(request().temperature(requested).build(), precedence);

        assertThat(merged.temperature()).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "precedence={0}")
    @CsvSource({"CONFIG, 100, 0.5, 10", "REQUEST, 7, 0.1, 3"})
    void mergesEveryTuningValueTheSameWay(TuningPrecedence precedence, int maxTokens, double topP, int topK) {
        TuningOptions options = new TuningOptions(Optional.of(100), Optional.empty(), Optional.of(0.5),
                Optional.of(10));

        ChatRequest merged = options.applyTo(request().maxTokens(7).topP(0.1).topK(3).build(), precedence);

        assertThat(merged.maxTokens()).contains(maxTokens);
        assertThat(merged.topP()).contains(topP);
        assertThat(merged.topK()).contains(topK);
    }

    private static ChatRequest.Builder request() {
        return ChatRequest.builder().message(new Message.User(Content.text("hi"), Optional.empty()));
    }
}
