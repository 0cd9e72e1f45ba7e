package dev.aigateway.adapters.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.TextInput;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.FinishReason;
import dev.aigateway.domain.chat.Message;
import dev.aigateway.domain.chat.ToolCall;
import dev.aigateway.domain.chat.ToolDefinition;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.embedding.EmbeddingVector;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.model.ModelInfo;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.UpstreamHttp;
import dev.aigateway.fakeollama.FakeOllama;
import dev.aigateway.ports.Cancellation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Ollama provider against the strict fake Ollama: chat, stream, a tool round trip, embeddings, models, errors. */
class OllamaProviderTest {
    private static final OllamaProvider PROVIDER = new OllamaProvider(UpstreamHttp.create(OllamaProvider.NAME),
            JsonTrees.newMapper());
    private final FakeOllama ollama = FakeOllama.start();

    @AfterEach
    void stop() {
        ollama.close();
    }

    @Test
    void answersAChatWithTheExactTokenCounts() {
        ChatResponse answer = PROVIDER.chat(target(), hello().build());

        assertThat(answer.choices().get(0).message().content()).contains(FakeOllama.ANSWER);
        assertThat(answer.choices().get(0).finishReason()).contains(FinishReason.STOP);
        assertThat(answer.usage()).hasValueSatisfying(usage -> {
            assertThat(usage.promptTokens()).isEqualTo(FakeOllama.PROMPT_TOKENS);
            assertThat(usage.completionTokens()).isEqualTo(FakeOllama.COMPLETION_TOKENS);
        });
        assertThat(ollama.lastRequest().path("stream").asBoolean(true)).isFalse();
    }

    @Test
    void relaysAnNdjsonStreamAsChunksOfOneAnswer() {
        List<ChatChunk> chunks = new ArrayList<>();

        PROVIDER.streamChat(target(), hello().stream(true).build(), chunks::add, Cancellation.NONE);

        assertThat(chunks.stream().flatMap(chunk -> chunk.choices().stream())
                .map(choice -> choice.delta().content().orElse("")).collect(Collectors.joining()))
                .isEqualTo(FakeOllama.ANSWER);
        assertThat(chunks).extracting(ChatChunk::id).containsOnly(chunks.get(0).id());
        assertThat(chunks.get(0).choices().get(0).delta().roleStarts()).isTrue();
        ChatChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.choices().get(0).finishReason()).contains(FinishReason.STOP);
        assertThat(last.usage()).hasValueSatisfying(usage -> assertThat(usage.totalTokens())
                .isEqualTo(FakeOllama.PROMPT_TOKENS + FakeOllama.COMPLETION_TOKENS));
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(chunk -> assertThat(chunk.usage()).isEmpty());
    }

    @Test
    void aToolCallGetsAStableOpenAiIdAndItsResultGoesBackAsObjectArguments() {
        ChatRequest first = hello().tools(List.of(new ToolDefinition("get_weather", Optional.empty(),
                Optional.empty(), Optional.empty()))).build();
        ToolCall call = PROVIDER.chat(target(), first).choices().get(0).message().toolCalls().get(0);
        ToolCall again = PROVIDER.chat(target(), first).choices().get(0).message().toolCalls().get(0);

        assertThat(call.id()).startsWith("call_").isEqualTo(again.id());
        assertThat(call.arguments()).isEqualTo("{\"city\":\"Paris\"}");

        ChatResponse answer = PROVIDER.chat(target(), first.toBuilder()
                .message(new Message.Assistant(Optional.empty(), List.of(call), Optional.empty()))
                .message(new Message.Tool(call.id(), Content.text("sunny"), Optional.empty())).build());

        assertThat(answer.choices().get(0).message().content()).contains("Tool result: sunny");
        assertThat(ollama.lastRequest().at("/messages/2/tool_name").asText()).isEqualTo("get_weather");
    }

    @Test
    void embedsEveryInputWithItsUsage() {
        EmbeddingResponse response = PROVIDER.embed(target(), new EmbeddingRequest(Optional.of("nomic-embed-text"),
                TextInput.texts(List.of("a b", "c")), Optional.of(4), Map.of()));

        assertThat(response.data()).hasSize(2);
        assertThat(response.data().get(1).vector()).isEqualTo(EmbeddingVector.of(FakeOllama.vectorOf("c", 4)));
        assertThat(response.usage()).hasValueSatisfying(usage -> assertThat(usage.promptTokens()).isEqualTo(3));
        assertThat(ollama.lastRequest().path("dimensions").asInt()).isEqualTo(4);
    }

    @Test
    void listsItsModels() {
        assertThat(PROVIDER.listModels(target())).extracting(ModelInfo::id)
                .containsExactlyElementsOf(FakeOllama.MODELS);
    }

    @Test
    void anUnknownModelIsA404WithOllamasMessage() {
        assertThatThrownBy(() -> PROVIDER.chat(target(), hello().model("llama9").build()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error())
                        .isInstanceOfSatisfying(GatewayError.UpstreamRejected.class, rejected -> {
                            assertThat(rejected.status()).isEqualTo(404);
                            assertThat(rejected.message()).contains("model \"llama9\" not found");
                        }));
    }

    private UpstreamTarget target() {
        return new UpstreamTarget("ollama", Optional.of(ollama.baseUri()), Optional.empty(), Optional.empty());
    }

    private static ChatRequest.Builder hello() {
        return ChatRequest.builder().model("mistral:7b").message(new Message.User(Content.text("hi"),
                Optional.empty()));
    }
}
