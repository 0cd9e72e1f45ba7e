package dev.aigateway.adapters.mistral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.TextInput;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.ContentPart;
import dev.aigateway.domain.chat.Message;
import dev.aigateway.domain.chat.ToolCall;
import dev.aigateway.domain.chat.ToolChoice;
import dev.aigateway.domain.chat.ToolDefinition;
import dev.aigateway.domain.completion.CompletionRequest;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.json.JsonValue;
import dev.aigateway.fakemistral.MistralSchema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Everything the gateway can send to Mistral, every field set at once, validated against Mistral's own OpenAPI
 * schemas (the copy in the repository): a field Mistral does not have, or one of the wrong type, fails here by name
 * instead of as a user's 422.
 */
class TranslationAgainstSpecTest {

    private static JsonValue object(Map<String, JsonValue> members) {
        return new JsonValue.JsonObject(members);
    }

    private static JsonValue text(String value) {
        return new JsonValue.JsonString(value);
    }

    private static void assertValid(String schema, JsonNode body) {
        assertThat(MistralSchema.of(schema).problems(body)).as("%s against %s", body, schema).isEmpty();
    }

    @Test
    void aChatRequestWithEveryFieldTheGatewaySendsIsValidMistral() {
        JsonValue parameters = object(Map.of("type", text("object"), "properties",
                object(Map.of("city", object(Map.of("type", text("string")))))));
        ChatRequest request = ChatRequest.builder().model("mistral-small-latest")
                .message(new Message.System(Content.text("be brief"), Optional.empty()))
                .message(new Message.User(new Content.Parts(List.of(new ContentPart.Text("what is this?"),
                        new ContentPart.ImageUrl("data:image/png;base64,AAAA", Optional.of("low")))), Optional.empty()))
                .message(new Message.Assistant(Optional.of(Content.text("Let me check.")),
                        List.of(new ToolCall("call_abc", "weather", "{\"city\":\"Paris\"}")), Optional.empty(),
                        Map.of("reasoning_content", text("the user wants the weather"))))
                .message(new Message.Tool("call_abc", Content.text("sunny"), Optional.of("weather")))
                .message(new Message.User(Content.text("and tomorrow?"), Optional.empty()))
                .stream(true).temperature(0.7).topP(0.9).maxTokens(256).seed(7L).stop(List.of("END"))
                .presencePenalty(0.1).frequencyPenalty(0.2).n(1)
                .tools(List.of(new ToolDefinition("weather", Optional.of("the weather"), Optional.of(parameters),
                        Optional.of(true))))
                .toolChoice(new ToolChoice.Function("weather")).parallelToolCalls(false)
                .responseFormat(object(Map.of("type", text("json_object"))))
                .extension("safe_prompt", new JsonValue.JsonBool(true))
                .extension("prompt_mode", text("reasoning"))
                .extension("prediction", object(Map.of("type", text("content"), "content", text("x"))))
                .extension("reasoning_effort", text("high"))
                .extension("prompt_cache_key", text("session-1"))
                .extension("metadata", object(Map.of("team", text("a"))))
                .extension("service_tier", text("auto"))
                .build();

        ObjectNode body = MistralChatRequestMapper.toMistral(request).body();

        assertThat(body.fieldNames()).toIterable().contains("random_seed", "max_tokens", "tools", "tool_choice",
                "reasoning_effort", "prompt_cache_key", "service_tier");
        assertValid("ChatCompletionRequest", body);
    }

    @Test
    void aFimRequestWithEveryFieldTheGatewaySendsIsValidMistral() {
        CompletionRequest request = new CompletionRequest(Optional.of("codestral-latest"),
                List.of(new TextInput.Text("def add(a, b):")), Optional.of("return c"), true, Optional.of(64),
                Optional.of(0.2), Optional.of(0.95), Optional.empty(), List.of("\n\n"), Optional.of(3L),
                Map.of("min_tokens", new JsonValue.JsonNumber(BigDecimal.ONE)));

        assertValid("FIMCompletionRequest", MistralFimRequestMapper.toMistral(request).body());
    }

    @Test
    void anEmbeddingRequestWithEveryFieldTheGatewaySendsIsValidMistral() {
        EmbeddingRequest request = new EmbeddingRequest(Optional.of("codestral-embed"),
                TextInput.texts(List.of("alpha", "beta")), Optional.of(256), Map.of("encoding_format", text("base64"),
                "user", text("u")));

        assertValid("EmbeddingRequest", MistralEmbeddingRequestMapper.toMistral(request));
    }
}
