package dev.aigateway.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatRequestTest {

    @Test
    void needsAtLeastOneMessage() {
        assertThatThrownBy(() -> ChatRequest.builder().model("m").build())
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.error().param()).contains("messages"));
    }

    @Test
    void copiesItsListsSoLaterChangesCannotReachIt() {
        List<String> stop = new ArrayList<>(List.of("a"));
        ChatRequest request = hello().stop(stop).build();
        stop.add("b");

        assertThat(request.stop()).containsExactly("a");
        assertThatThrownBy(() -> request.messages().add(new Message.User(Content.text("x"), Optional.empty())))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilderRebuildsAnEqualRequest() {
        ChatRequest request = hello().stream(true).temperature(0.3).topP(0.8).topK(5).maxTokens(9).seed(7L)
                .stop(List.of("x")).presencePenalty(0.1).frequencyPenalty(0.2).n(1)
                .tools(List.of(new ToolDefinition("f", Optional.empty(), Optional.empty(), Optional.empty())))
                .toolChoice(new ToolChoice.Auto()).parallelToolCalls(true)
                .responseFormat(JsonValue.JsonObject.empty()).endUser("u")
                .extension("safe_prompt", new JsonValue.JsonBool(true)).build();

        assertThat(request.toBuilder().build()).isEqualTo(request);
    }

    @Test
    void refusesNullParts() {
        assertThatThrownBy(() -> new Message.User(null, Optional.empty())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ToolCall("id", "name", null)).isInstanceOf(NullPointerException.class);
    }

    private static ChatRequest.Builder hello() {
        return ChatRequest.builder().model("m").message(new Message.User(Content.text("hi"), Optional.empty()));
    }
}
