package dev.aigateway.domain.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.TextInput;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.Message;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutePolicyTest {

    @ParameterizedTest(name = "{0}, client asks stream={1} -> stream={2}")
    @CsvSource({"ALLOW, false, false", "ALLOW, true, true", "ALWAYS, false, true", "ALWAYS, true, true",
            "DENY, false, false"})
    void appliesTheStreamingRule(ResponseStreaming rule, boolean asked, boolean streamed) {
        ChatRequest applied = policy(rule).applyTo(request().stream(asked).build());

        assertThat(applied.stream()).isEqualTo(streamed);
    }

    @Test
    void refusesAStreamWhenTheRouteDeniesStreaming() {
        assertThatThrownBy(() -> policy(ResponseStreaming.DENY).applyTo(request().stream(true).build()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(
                        new GatewayError.Unsupported("response streaming is not enabled for this LLM",
                                Optional.of("stream"))));
    }

    @Test
    void resolvesTheModelAndMergesTuningTogether() {
        RoutePolicy policy = new RoutePolicy(ModelPolicy.fixed("mistral-large-latest"),
                new TuningOptions(Optional.of(50), Optional.empty(), Optional.empty(), Optional.empty()),
                TuningPrecedence.CONFIG, ResponseStreaming.ALLOW);

        ChatRequest applied = policy.applyTo(request().model(null).maxTokens(500).build());

        assertThat(applied.model()).contains("mistral-large-latest");
        assertThat(applied.maxTokens()).contains(50);
        assertThat(applied.messages()).isEqualTo(request().build().messages());
    }

    @Test
    void resolvesTheModelOfEmbeddingRequests() {
        EmbeddingRequest request = new EmbeddingRequest(Optional.empty(), TextInput.texts(List.of("a")), Optional.empty(), Map.of());

        assertThat(new RoutePolicy(ModelPolicy.fixed("mistral-embed"), TuningOptions.none(),
                TuningPrecedence.CONFIG, ResponseStreaming.ALLOW).applyTo(request).model()).contains("mistral-embed");
    }

    private static RoutePolicy policy(ResponseStreaming streaming) {
        return new RoutePolicy(ModelPolicy.fromRequest(), TuningOptions.none(), TuningPrecedence.CONFIG, streaming);
    }

    private static ChatRequest.Builder request() {
        return ChatRequest.builder().model("m").message(new Message.User(Content.text("hi"), Optional.empty()));
    }
}
