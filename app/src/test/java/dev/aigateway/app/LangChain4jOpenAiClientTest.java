package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.app.ClientUpstreams.Upstream;
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
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * LangChain4j's OpenAI module, pointed at the gateway's Mistral, Ollama and OpenAI routes, for chat, stream, a tool
 * round trip and embeddings, with the upstream's exact token counts.
 */
class LangChain4jOpenAiClientTest {
    @RegisterExtension
    final ClientUpstreams upstreams = new ClientUpstreams();

    @ParameterizedTest
    @EnumSource(Upstream.class)
    void chats(Upstream upstream) {
        ChatResponse response = chatModel(upstream).chat(ChatRequest.builder()
                .messages(UserMessage.from("Hello?")).build());

        assertThat(response.aiMessage().text()).isEqualTo(upstream.answer);
        assertThat(response.tokenUsage().totalTokenCount()).isEqualTo(upstream.totalTokens());
    }

    @ParameterizedTest
    @EnumSource(Upstream.class)
    void streams(Upstream upstream) throws Exception {
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(baseUrl(upstream))
                .apiKey("client").modelName(upstream.chatModel).timeout(Duration.ofSeconds(10)).build();
        LangChain4jStreams.Streamed streamed = LangChain4jStreams.collect(model, List.of(UserMessage.from("Hello?")));

        assertThat(streamed.text()).isEqualTo(upstream.answer);
        assertThat(streamed.response().tokenUsage().totalTokenCount()).isEqualTo(upstream.totalTokens());
    }

    @ParameterizedTest
    @EnumSource(Upstream.class)
    void roundTripsAToolCall(Upstream upstream) {
        ToolSpecification weather = ToolSpecification.builder().name("get_weather").description("Current weather")
                .parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build()).build();
        List<ChatMessage> messages = new ArrayList<>(List.of(UserMessage.from("Weather in Paris?")));

        AiMessage call = chatModel(upstream).chat(ChatRequest.builder().messages(messages)
                .toolSpecifications(weather).build()).aiMessage();
        ToolExecutionRequest request = call.toolExecutionRequests().get(0);
        messages.add(call);
        messages.add(ToolExecutionResultMessage.from(request, "sunny"));
        ChatResponse answer = chatModel(upstream).chat(ChatRequest.builder().messages(messages)
                .toolSpecifications(weather).build());

        assertThat(request.name()).isEqualTo("get_weather");
        assertThat(answer.aiMessage().text()).isEqualTo("Tool result: sunny");
    }

    @ParameterizedTest
    @EnumSource(Upstream.class)
    void embeds(Upstream upstream) {
        OpenAiEmbeddingModel model = OpenAiEmbeddingModel.builder().baseUrl(baseUrl(upstream)).apiKey("client")
                .modelName(upstream.embeddingModel).build();

        List<Embedding> vectors = model.embedAll(List.of(TextSegment.from("alpha"), TextSegment.from("beta")))
                .content();

        assertThat(vectors).hasSize(2);
        double[] expected = upstream.vectors.apply("beta");
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) vectors.get(1).vector()[i]).isEqualTo(expected[i]);
        }
    }

    private OpenAiChatModel chatModel(Upstream upstream) {
        return OpenAiChatModel.builder().baseUrl(baseUrl(upstream)).apiKey("client").modelName(upstream.chatModel)
                .timeout(Duration.ofSeconds(10)).build();
    }

    private String baseUrl(Upstream upstream) {
        return upstreams.gatewayUrl(upstream) + "/v1";
    }
}
