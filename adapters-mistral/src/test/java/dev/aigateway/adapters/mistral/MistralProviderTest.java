package dev.aigateway.adapters.mistral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.Secret;
import dev.aigateway.domain.TextInput;
import dev.aigateway.domain.Usage;
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
import dev.aigateway.domain.route.UpstreamAuth;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.UpstreamHttp;
import dev.aigateway.fakemistral.FakeMistral;
import dev.aigateway.fakemistral.FakeReply;
import dev.aigateway.ports.Cancellation;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider against the strict fake Mistral: what it sends is accepted, what comes back is read right. */
class MistralProviderTest {
    private static final String KEY = "sk-test-0123456789";
    private static final MistralProvider PROVIDER = new MistralProvider(
            UpstreamHttp.create("Mistral"), JsonTrees.newMapper());
    private FakeMistral fake;
    private final MistralProvider provider = PROVIDER;

    @BeforeEach
    void start() {
        fake = FakeMistral.start(KEY);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void sendsAChatWithTheConfiguredKeyAndReadsTheAnswer() {
        ChatResponse response = provider.chat(target(KEY), hello().build());

        assertThat(response.choices().get(0).message().content()).contains(FakeMistral.DEFAULT_ANSWER);
        assertThat(response.usage()).contains(new Usage(FakeMistral.PROMPT_TOKENS, FakeMistral.COMPLETION_TOKENS,
                FakeMistral.TOTAL_TOKENS));
        assertThat(fake.lastRequest().path()).isEqualTo("/v1/chat/completions");
        assertThat(fake.lastRequest().header("authorization")).contains("Bearer " + KEY);
    }

    @Test
    void streamsChunksWithUsageOnTheLast() {
        List<ChatChunk> chunks = new ArrayList<>();
        provider.streamChat(target(KEY), hello().stream(true).build(), chunks::add, Cancellation.NONE);

        assertThat(chunks.get(0).choices().get(0).delta().roleStarts()).isTrue();
        ChatChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.choices().get(0).finishReason()).contains(FinishReason.STOP);
        assertThat(last.usage()).contains(new Usage(FakeMistral.PROMPT_TOKENS, FakeMistral.COMPLETION_TOKENS,
                FakeMistral.TOTAL_TOKENS));
        String text = chunks.stream().flatMap(c -> c.choices().get(0).delta().content().stream())
                .reduce("", String::concat);
        assertThat(text).isEqualTo(FakeMistral.DEFAULT_ANSWER);
    }

    @Test
    void aToolRoundTripWithOpenAiStyleIdsIsAcceptedByTheStrictFake() {
        fake.enqueue(FakeReply.toolCall("Ab3dEf6hI", "weather", "{\"city\":\"Paris\"}"));
        ChatRequest first = hello().tools(List.of(new ToolDefinition("weather", Optional.empty(), Optional.empty(),
                Optional.empty()))).build();
        ToolCall call = provider.chat(target(KEY), first).choices().get(0).message().toolCalls().get(0);
        assertThat(call.id()).isEqualTo("Ab3dEf6hI");

        ChatRequest replay = first.toBuilder()
                .message(new Message.Assistant(Optional.empty(),
                        List.of(new ToolCall("call_client_side_1", call.name(), call.arguments())), Optional.empty()))
                .message(new Message.Tool("call_client_side_1", Content.text("sunny"), Optional.empty()))
                .build();
        ChatResponse answer = provider.chat(target(KEY), replay);

        assertThat(answer.choices().get(0).message().content()).contains("Tool result: sunny");
    }

    @Test
    void embedsAndKeepsTheVectorsExactly() {
        EmbeddingResponse response = provider.embed(target(KEY), new EmbeddingRequest(Optional.of("mistral-embed"),
                TextInput.texts(List.of("a", "b")), Optional.of(4), Map.of("user", new JsonValue.JsonString("u"))));

        assertThat(response.data().get(1).vector()).isEqualTo(EmbeddingVector.of(FakeMistral.vectorOf("b", 4)));
        assertThat(fake.lastRequest().json().path("output_dimension").asInt()).isEqualTo(4);
        assertThat(fake.lastRequest().json().has("user")).isFalse();
    }

    @Test
    void aBatchOverMistralsInputLimitIsSplitAndAnsweredAsOneInOrder() {
        List<String> texts = java.util.stream.IntStream.range(0, 300).mapToObj(i -> "t" + i).toList();

        EmbeddingResponse response = provider.embed(target(KEY), new EmbeddingRequest(Optional.of("mistral-embed"),
                TextInput.texts(texts), Optional.of(4), Map.of()));

        assertThat(fake.requests()).extracting(sent -> sent.json().path("input").size())
                .containsExactlyInAnyOrder(FakeMistral.MAX_EMBEDDING_INPUTS, 300 - FakeMistral.MAX_EMBEDDING_INPUTS);
        assertThat(response.upstreamCalls()).isEqualTo(2);
        assertThat(response.data()).hasSize(300);
        for (int i = 0; i < 300; i += 37) {
            assertThat(response.data().get(i).index()).isEqualTo(i);
            assertThat(response.data().get(i).vector()).isEqualTo(EmbeddingVector.of(FakeMistral.vectorOf("t" + i,
                    4)));
        }
        assertThat(response.usage()).hasValueSatisfying(usage -> assertThat(usage.promptTokens()).isEqualTo(300));
    }

    @Test
    void theBatchLimitsAreTheRoutesAndOneFailedBatchFailsTheRequest() {
        UpstreamTarget small = new UpstreamTarget("mistral", Optional.of(fake.baseUri()), Optional.empty(),
                Optional.of(new UpstreamAuth.Header("Authorization", Secret.of("Bearer wrong"))), false,
                dev.aigateway.domain.route.UpstreamTimeouts.DEFAULTS, new MistralOptions(MistralOptions.Format.OPENAI,
                new dev.aigateway.domain.embedding.EmbeddingBatches(2, 1000), 2));

        assertThatThrownBy(() -> provider.embed(small, new EmbeddingRequest(Optional.of("mistral-embed"),
                TextInput.texts(List.of("a", "b", "c", "d", "e")), Optional.empty(), Map.of())))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error())
                        .isInstanceOf(GatewayError.UpstreamRejected.class));
        assertThat(fake.requests()).allSatisfy(sent -> assertThat(sent.json().path("input").size()).isLessThanOrEqualTo(2));
    }

    @Test
    void aRejectedKeyIsAnUpstreamRejection() {
        assertThatThrownBy(() -> provider.chat(target("wrong"), hello().build()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error())
                        .isInstanceOfSatisfying(GatewayError.UpstreamRejected.class,
                                r -> assertThat(r.status()).isEqualTo(401)));
    }

    @Test
    void anUpstreamErrorKeepsItsStatusAndRetryAfter() {
        fake.enqueue(new FakeReply.Error(429, "{\"object\":\"error\",\"message\":\"Rate limit exceeded\","
                + "\"type\":\"rate_limited\",\"param\":null,\"code\":\"1300\"}", Map.of("Retry-After", "3")));

        assertThatThrownBy(() -> provider.chat(target(KEY), hello().build()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error()).isEqualTo(
                        new GatewayError.UpstreamRejected(429, "Rate limit exceeded", Optional.of("rate_limited"),
                                Optional.empty(), Optional.of("1300"), Optional.of("3"))));
    }

    @Test
    void aStreamRefusedBeforeItStartsIsAnUpstreamRejection() {
        fake.enqueue(FakeReply.error(500, "{\"object\":\"error\",\"message\":\"Service unavailable.\","
                + "\"type\":\"internal_server_error\",\"param\":null,\"code\":\"3000\"}"));
        List<ChatChunk> chunks = new ArrayList<>();

        assertThatThrownBy(() -> provider.streamChat(target(KEY), hello().stream(true).build(), chunks::add, Cancellation.NONE))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error())
                        .isInstanceOfSatisfying(GatewayError.UpstreamRejected.class,
                                r -> assertThat(r.status()).isEqualTo(500)));
        assertThat(chunks).isEmpty();
    }

    @Test
    void aRefusedConnectionIsUnreachableWithoutTheAddress() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        UpstreamTarget nowhere = new UpstreamTarget("mistral", Optional.of(URI.create("http://127.0.0.1:"
                + closedPort)), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> provider.chat(nowhere, hello().build()))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.error()).isInstanceOf(GatewayError.UpstreamUnreachable.class);
                    assertThat(e.getMessage()).doesNotContain("127.0.0.1").doesNotContain(String.valueOf(closedPort));
                });
    }

    private static ChatRequest.Builder hello() {
        return ChatRequest.builder().model("mistral-small-latest")
                .message(new Message.User(Content.text("hi"), Optional.empty()));
    }

    private UpstreamTarget target(String key) {
        return new UpstreamTarget("mistral", Optional.of(fake.baseUri()), Optional.empty(),
                Optional.of(new UpstreamAuth.Header("Authorization", Secret.of("Bearer " + key))));
    }
}
