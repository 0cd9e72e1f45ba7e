package dev.aigateway.adapters.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.Secret;
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
import dev.aigateway.domain.json.JsonValue;
import dev.aigateway.domain.model.ModelInfo;
import dev.aigateway.domain.route.UpstreamAuth;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.UpstreamHttp;
import dev.aigateway.fakeopenai.FakeOpenAi;
import dev.aigateway.ports.Cancellation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OpenAI provider against the strict fake OpenAI: its own dialect both ways, exact usage on every stream. */
class OpenAiProviderTest {
    private static final String KEY = "sk-openai-test-0123456789";
    private static final OpenAiProvider PROVIDER = new OpenAiProvider(UpstreamHttp.create(OpenAiProvider.NAME),
            JsonTrees.newMapper());
    private final FakeOpenAi openAi = FakeOpenAi.start(KEY);

    @AfterEach
    void stop() {
        openAi.close();
    }

    @Test
    void sendsTheRequestInOpenAisOwnDialect() {
        ChatResponse answer = PROVIDER.chat(target(), hello().seed(7L).n(1).endUser("u-1")
                .extension("logprobs", new JsonValue.JsonBool(false)).build());

        assertThat(answer.choices().get(0).message().content()).contains(FakeOpenAi.ANSWER);
        assertThat(answer.usage()).hasValueSatisfying(usage -> assertThat(usage.totalTokens())
                .isEqualTo(FakeOpenAi.PROMPT_TOKENS + FakeOpenAi.COMPLETION_TOKENS));
        assertThat(openAi.lastRequest().path("seed").asLong()).isEqualTo(7);
        assertThat(openAi.lastRequest().path("user").asText()).isEqualTo("u-1");
        assertThat(openAi.lastRequest().has("random_seed")).isFalse();
    }

    @Test
    void asksEveryStreamForItsUsageAndDeliversItWithTheLastChunk() {
        List<ChatChunk> chunks = new ArrayList<>();

        PROVIDER.streamChat(target(), hello().stream(true).build(), chunks::add, Cancellation.NONE);

        assertThat(openAi.lastRequest().at("/stream_options/include_usage").asBoolean()).isTrue();
        assertThat(chunks.stream().flatMap(chunk -> chunk.choices().stream())
                .map(choice -> choice.delta().content().orElse("")).collect(Collectors.joining()))
                .isEqualTo(FakeOpenAi.ANSWER);
        ChatChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.choices()).singleElement().satisfies(choice ->
                assertThat(choice.finishReason()).contains(FinishReason.STOP));
        assertThat(last.usage()).hasValueSatisfying(usage -> assertThat(usage.promptTokens())
                .isEqualTo(FakeOpenAi.PROMPT_TOKENS));
    }

    @Test
    void assemblesAToolCallStreamedInFragments() {
        List<ChatChunk> chunks = new ArrayList<>();

        PROVIDER.streamChat(target(), hello().stream(true).tools(List.of(weather())).build(), chunks::add,
                Cancellation.NONE);

        List<ToolCall> calls = chunks.stream().flatMap(chunk -> chunk.choices().stream())
                .flatMap(choice -> choice.delta().toolCalls().stream()).toList();
        assertThat(calls).containsExactly(new ToolCall(FakeOpenAi.TOOL_CALL_ID, "get_weather",
                "{\"city\":\"Paris\"}"));
        assertThat(chunks.get(chunks.size() - 1).choices().get(0).finishReason()).contains(FinishReason.TOOL_CALLS);
    }

    @Test
    void aToolRoundTripKeepsTheUpstreamsIds() {
        ChatRequest first = hello().tools(List.of(weather())).build();
        ToolCall call = PROVIDER.chat(target(), first).choices().get(0).message().toolCalls().get(0);

        ChatResponse answer = PROVIDER.chat(target(), first.toBuilder()
                .message(new Message.Assistant(Optional.empty(), List.of(call), Optional.empty()))
                .message(new Message.Tool(call.id(), Content.text("sunny"), Optional.empty())).build());

        assertThat(call.id()).isEqualTo(FakeOpenAi.TOOL_CALL_ID);
        assertThat(answer.choices().get(0).message().content()).contains("Tool result: sunny");
        assertThat(openAi.lastRequest().at("/messages/2/tool_call_id").asText()).isEqualTo(FakeOpenAi.TOOL_CALL_ID);
    }

    @Test
    void embedsTextsAndTokenArrays() {
        EmbeddingResponse response = PROVIDER.embed(target(), new EmbeddingRequest(Optional.of("text-embedding-3-small"),
                List.of(new TextInput.Text("a"), new TextInput.Tokens(List.of(1, 2))), Optional.of(4), Map.of()));

        assertThat(response.data()).hasSize(2);
        assertThat(response.data().get(0).vector()).isEqualTo(EmbeddingVector.of(FakeOpenAi.vectorOf("a", 4)));
        assertThat(openAi.lastRequest().at("/input/1/1").asInt()).isEqualTo(2);
        assertThat(openAi.lastRequest().has("encoding_format")).isFalse();
    }

    @Test
    void listsItsModels() {
        assertThat(PROVIDER.listModels(target())).extracting(ModelInfo::id).containsExactly("gpt-4o-mini");
    }

    @Test
    void passesOpenAisOwnErrorOnWithItsStatus() {
        ChatRequest mistralFlavoured = hello().extension("safe_prompt", new JsonValue.JsonBool(true)).build();

        assertThatThrownBy(() -> PROVIDER.chat(target(), mistralFlavoured))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error())
                        .isInstanceOfSatisfying(GatewayError.UpstreamRejected.class, rejected -> {
                            assertThat(rejected.status()).isEqualTo(400);
                            assertThat(rejected.message()).isEqualTo(
                                    "Unrecognized request argument supplied: safe_prompt");
                            assertThat(rejected.type()).contains("invalid_request_error");
                        }));
    }

    private UpstreamTarget target() {
        return new UpstreamTarget("openai", Optional.of(openAi.baseUri()), Optional.empty(),
                Optional.of(new UpstreamAuth.Header("Authorization", Secret.of("Bearer " + KEY))));
    }

    private static ToolDefinition weather() {
        return new ToolDefinition("get_weather", Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static ChatRequest.Builder hello() {
        return ChatRequest.builder().model("gpt-4o-mini").message(new Message.User(Content.text("hi"),
                Optional.empty()));
    }
}
