package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.aigateway.fakemistral.FakeMistral;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The official OpenAI Java SDK, pointed at the gateway, for chat, stream, tool round trip and embeddings. */
class OpenAiJavaClientTest {
    private static final String MODEL = "mistral-small-latest";

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey("sk-openai-java-0123456789");

    private OpenAIClient client() {
        return OpenAIOkHttpClient.builder().apiKey("client").baseUrl("http://127.0.0.1:" + fixture.port() + "/v1")
                .maxRetries(0).build();
    }

    @Test
    void chats() {
        ChatCompletion completion = client().chat().completions().create(ChatCompletionCreateParams.builder()
                .model(MODEL).addUserMessage("Hello?").build());

        assertThat(completion.choices().get(0).message().content()).contains(FakeMistral.DEFAULT_ANSWER);
        assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(FakeMistral.TOTAL_TOKENS);
    }

    @Test
    void streamsWithUsage() {
        StringBuilder text = new StringBuilder();
        long total = -1;
        try (StreamResponse<ChatCompletionChunk> stream = client().chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model(MODEL).addUserMessage("Hello?")
                        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
                chunk.choices().forEach(choice -> choice.delta().content().ifPresent(text::append));
                if (chunk.usage().isPresent()) {
                    total = chunk.usage().get().totalTokens();
                }
            }
        }

        assertThat(text.toString()).isEqualTo(FakeMistral.DEFAULT_ANSWER);
        assertThat(total).isEqualTo(FakeMistral.TOTAL_TOKENS);
    }

    @Test
    void roundTripsAToolCall() {
        ChatCompletionFunctionTool weather = ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder()
                .name("get_weather").description("Current weather").parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                        .putAdditionalProperty("required", JsonValue.from(List.of("city"))).build()).build()).build();
        ChatCompletionCreateParams.Builder conversation = ChatCompletionCreateParams.builder().model(MODEL)
                .addTool(weather).addUserMessage("Weather in Paris?");

        ChatCompletion call = client().chat().completions().create(conversation.build());
        ChatCompletionMessageToolCall toolCall = call.choices().get(0).message().toolCalls().orElseThrow().get(0);
        conversation.addMessage(call.choices().get(0).message()).addMessage(ChatCompletionToolMessageParam.builder()
                .toolCallId(toolCall.asFunction().id()).content("sunny").build());
        ChatCompletion answer = client().chat().completions().create(conversation.build());

        assertThat(toolCall.asFunction().function().name()).isEqualTo("get_weather");
        assertThat(answer.choices().get(0).message().content()).contains("Tool result: sunny");
    }

    @ParameterizedTest(name = "encoding {0}")
    @ValueSource(strings = {"float", "sdk-default"})
    void embeds(String encoding) {
        EmbeddingCreateParams.Builder params = EmbeddingCreateParams.builder().model("mistral-embed")
                .inputOfArrayOfStrings(List.of("alpha", "beta"));
        if (encoding.equals("float")) {
            params.encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT);
        }
        CreateEmbeddingResponse response = client().embeddings().create(params.build());

        assertThat(response.data()).hasSize(2);
        double[] expected = FakeMistral.vectorOf("beta", 8);
        List<Float> vector = response.data().get(1).embedding();
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) vector.get(i)).isEqualTo(expected[i]);
        }
    }
}
