package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.fakemistral.FakeMistral;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.mistralai.MistralAiChatModel;
import dev.langchain4j.model.mistralai.MistralAiEmbeddingModel;
import dev.langchain4j.model.mistralai.MistralAiStreamingChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** LangChain4j's Mistral module, pointed at the gateway, for chat, stream, tool round trip and embeddings. */
class LangChain4jClientTest {
    private static final String KEY = "sk-langchain4j-0123456789";
    private static final String MODEL = "mistral-small-latest";

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey(KEY);

    @Test
    void chats() {
        ChatResponse response = chatModel().chat(ChatRequest.builder()
                .messages(UserMessage.from("Hello?")).build());

        assertThat(response.aiMessage().text()).isEqualTo(FakeMistral.DEFAULT_ANSWER);
        assertThat(response.tokenUsage().totalTokenCount()).isEqualTo(FakeMistral.TOTAL_TOKENS);
    }

    @Test
    void streams() throws Exception {
        MistralAiStreamingChatModel model = MistralAiStreamingChatModel.builder().baseUrl(baseUrl()).apiKey("client")
                .modelName(MODEL).timeout(Duration.ofSeconds(10)).build();
        LangChain4jStreams.Streamed streamed = LangChain4jStreams.collect(model, List.of(UserMessage.from("Hello?")));

        assertThat(streamed.text()).isEqualTo(FakeMistral.DEFAULT_ANSWER);
        assertThat(streamed.response().tokenUsage().totalTokenCount()).isEqualTo(FakeMistral.TOTAL_TOKENS);
    }

    @Test
    void roundTripsAToolCall() {
        ToolSpecification weather = ToolSpecification.builder().name("get_weather").description("Current weather")
                .parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build()).build();
        List<ChatMessage> messages = new ArrayList<>(List.of(UserMessage.from("Weather in Paris?")));

        AiMessage call = chatModel().chat(ChatRequest.builder().messages(messages).toolSpecifications(weather)
                .build()).aiMessage();
        ToolExecutionRequest request = call.toolExecutionRequests().get(0);
        messages.add(call);
        messages.add(ToolExecutionResultMessage.from(request, "sunny"));
        ChatResponse answer = chatModel().chat(ChatRequest.builder().messages(messages).toolSpecifications(weather)
                .build());

        assertThat(request.name()).isEqualTo("get_weather");
        assertThat(answer.aiMessage().text()).isEqualTo("Tool result: sunny");
    }

    @Test
    void embeds() {
        MistralAiEmbeddingModel model = MistralAiEmbeddingModel.builder().baseUrl(baseUrl()).apiKey("client")
                .modelName("mistral-embed").build();

        List<Embedding> vectors = model.embedAll(List.of(TextSegment.from("alpha"), TextSegment.from("beta")))
                .content();

        assertThat(vectors).hasSize(2);
        double[] expected = FakeMistral.vectorOf("beta", 8);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) vectors.get(1).vector()[i]).isEqualTo(expected[i]);
        }
    }

    private MistralAiChatModel chatModel() {
        return MistralAiChatModel.builder().baseUrl(baseUrl()).apiKey("client").modelName(MODEL)
                .timeout(Duration.ofSeconds(10)).build();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + fixture.port() + "/v1";
    }
}
