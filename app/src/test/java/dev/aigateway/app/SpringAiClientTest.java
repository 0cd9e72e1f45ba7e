package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.fakemistral.FakeMistral;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.document.MetadataMode;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.mistralai.MistralAiChatModel;
import org.springframework.ai.mistralai.MistralAiChatOptions;
import org.springframework.ai.mistralai.MistralAiEmbeddingModel;
import org.springframework.ai.mistralai.MistralAiEmbeddingOptions;
import org.springframework.ai.mistralai.api.MistralAiApi;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.function.FunctionToolCallback;

/**
 * Spring AI's OpenAI and Mistral AI modules, pointed at the gateway unmodified, for chat, stream, a tool round trip
 * (Spring AI runs the tool and sends its result back itself) and embeddings.
 */
class SpringAiClientTest {
    private static final String KEY = "sk-spring-ai-0123456789";
    private static final String MODEL = "mistral-small-latest";
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey(KEY);

    /** The weather tool's input, as Spring AI derives its JSON schema from it. */
    record City(String city) { }

    @Test
    void openAiModuleChats() {
        ChatResponse response = openAi().call(new Prompt("Hello?"));

        assertThat(response.getResult().getOutput().getText()).isEqualTo(FakeMistral.DEFAULT_ANSWER);
        assertThat(response.getMetadata().getUsage().getTotalTokens()).isEqualTo(FakeMistral.TOTAL_TOKENS);
    }

    @Test
    void openAiModuleStreams() {
        List<ChatResponse> chunks = openAi().stream(new Prompt("Hello?", OpenAiChatOptions.builder().model(MODEL)
                .streamUsage(true).build())).collectList().block(PATIENCE);

        assertThat(text(chunks)).isEqualTo(FakeMistral.DEFAULT_ANSWER);
        assertThat(chunks.get(chunks.size() - 1).getMetadata().getUsage().getTotalTokens())
                .isEqualTo(FakeMistral.TOTAL_TOKENS);
    }

    @Test
    void openAiModuleRoundTripsAToolCall() {
        ChatResponse answer = openAi().call(new Prompt("Weather in Paris?", OpenAiChatOptions.builder().model(MODEL)
                .toolCallbacks(weatherTool()).build()));

        assertThat(answer.getResult().getOutput().getText()).startsWith("Tool result:").contains("sunny in Paris");
    }

    @Test
    void openAiModuleEmbeds() {
        EmbeddingModel model = new OpenAiEmbeddingModel(openAiApi(), MetadataMode.EMBED,
                OpenAiEmbeddingOptions.builder().model("mistral-embed").build());

        assertEmbeddings(model.embed(List.of("alpha", "beta")));
    }

    @Test
    void mistralModuleChats() {
        ChatResponse response = mistral().call(new Prompt("Hello?"));

        assertThat(response.getResult().getOutput().getText()).isEqualTo(FakeMistral.DEFAULT_ANSWER);
        assertThat(response.getMetadata().getUsage().getTotalTokens()).isEqualTo(FakeMistral.TOTAL_TOKENS);
    }

    @Test
    void mistralModuleStreams() {
        List<ChatResponse> chunks = mistral().stream(new Prompt("Hello?")).collectList().block(PATIENCE);

        assertThat(text(chunks)).isEqualTo(FakeMistral.DEFAULT_ANSWER);
    }

    @Test
    void mistralModuleRoundTripsAToolCall() {
        ChatResponse answer = mistral().call(new Prompt("Weather in Paris?", MistralAiChatOptions.builder()
                .model(MODEL).toolCallbacks(weatherTool()).build()));

        assertThat(answer.getResult().getOutput().getText()).startsWith("Tool result:").contains("sunny in Paris");
    }

    @Test
    void mistralModuleEmbeds() {
        EmbeddingModel model = MistralAiEmbeddingModel.builder().mistralAiApi(mistralApi())
                .options(MistralAiEmbeddingOptions.builder().withModel("mistral-embed").build()).build();

        assertEmbeddings(model.embed(List.of("alpha", "beta")));
    }

    private static ToolCallback weatherTool() {
        return FunctionToolCallback.builder("get_weather", (City in) -> "sunny in " + in.city())
                .description("Current weather").inputType(City.class).build();
    }

    private static void assertEmbeddings(List<float[]> vectors) {
        assertThat(vectors).hasSize(2);
        double[] expected = FakeMistral.vectorOf("beta", 8);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) vectors.get(1)[i]).isEqualTo((double) (float) expected[i]);
        }
    }

    private static String text(List<ChatResponse> chunks) {
        return chunks.stream().filter(chunk -> chunk.getResult() != null)
                .map(chunk -> chunk.getResult().getOutput().getText()).filter(Objects::nonNull)
                .collect(Collectors.joining());
    }

    private ChatModel openAi() {
        return OpenAiChatModel.builder().openAiApi(openAiApi())
                .defaultOptions(OpenAiChatOptions.builder().model(MODEL).build()).build();
    }

    private OpenAiApi openAiApi() {
        return OpenAiApi.builder().baseUrl(baseUrl()).apiKey("client").build();
    }

    private ChatModel mistral() {
        return MistralAiChatModel.builder().mistralAiApi(mistralApi())
                .defaultOptions(MistralAiChatOptions.builder().model(MODEL).build()).build();
    }

    private MistralAiApi mistralApi() {
        return MistralAiApi.builder().baseUrl(baseUrl()).apiKey("client").build();
    }

    /** Both modules append {@code /v1/...} to the base URL themselves. */
    private String baseUrl() {
        return "http://127.0.0.1:" + fixture.port();
    }
}
