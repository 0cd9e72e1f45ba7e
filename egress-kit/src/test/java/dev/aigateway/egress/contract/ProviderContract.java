package dev.aigateway.egress.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.aigateway.domain.error.ClientGoneException;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.domain.route.UpstreamTimeouts;
import dev.aigateway.ports.Cancellation;
import dev.aigateway.ports.UpstreamProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every provider adapter must do, whatever its wire format: each adapter's test extends this with its provider
 * and its own strict fake upstream, and so runs every case. A case a fake cannot stage is a gap in the fake.
 */
public abstract class ProviderContract {
    /** OpenAI's error envelope, which most fakes answer with. */
    public static final UnaryOperator<String> OPENAI_ERROR = message -> "{\"error\":{\"message\":\"" + message
            + "\",\"type\":\"invalid_request_error\"}}";

    /**
     * What the contract runs against.
     *
     * @param provider the provider under test
     * @param target a target at the fake, with the credential it accepts and the timeouts given
     * @param expectedAnswer the fake's plain answer
     * @param expectedUsage the fake's exact token counts for a plain answer
     * @param faults what the fake does to the next chat requests instead of answering
     * @param errorBody an error body in the upstream's own shape, for a message
     */
    public record Subject(UpstreamProvider provider, Function<UpstreamTimeouts, UpstreamTarget> target,
                          String chatModel, String embeddingModel, String expectedAnswer, Usage expectedUsage,
                          FaultScript faults, UnaryOperator<String> errorBody) { }

    /** The provider, its running fake and what the fake answers; asked for once per case. */
    protected abstract Subject subject();

    private Subject subject;

    private Subject current() {
        if (subject == null) {
            subject = subject();
        }
        return subject;
    }

    private UpstreamProvider provider() {
        return current().provider();
    }

    private UpstreamTarget target(UpstreamTimeouts timeouts) {
        return current().target().apply(timeouts);
    }

    private String chatModel() {
        return current().chatModel();
    }

    private String embeddingModel() {
        return current().embeddingModel();
    }

    private String expectedAnswer() {
        return current().expectedAnswer();
    }

    private Usage expectedUsage() {
        return current().expectedUsage();
    }

    private FaultScript faults() {
        return current().faults();
    }

    private String errorBody(String message) {
        return current().errorBody().apply(message);
    }

    @Test
    public void answersAChatWithTheUpstreamsExactUsage() {
        ChatResponse answer = provider().chat(target(), hello().build());

        assertThat(answer.choices().get(0).message().content()).contains(expectedAnswer());
        assertThat(answer.choices().get(0).finishReason()).contains(FinishReason.STOP);
        assertThat(answer.usage()).contains(expectedUsage());
    }

    @Test
    public void streamsTheSameAnswerWithTheSameUsage() {
        List<ChatChunk> chunks = new ArrayList<>();

        provider().streamChat(target(), hello().stream(true).build(), chunks::add, Cancellation.NONE);

        assertThat(chunks.size()).isGreaterThan(1);
        assertThat(chunks.stream().flatMap(chunk -> chunk.choices().stream())
                .map(choice -> choice.delta().content().orElse("")).collect(Collectors.joining()))
                .isEqualTo(expectedAnswer());
        assertThat(chunks.stream().map(ChatChunk::usage).flatMap(Optional::stream).toList())
                .containsExactly(expectedUsage());
        assertThat(chunks.stream().flatMap(chunk -> chunk.choices().stream())
                .flatMap(choice -> choice.finishReason().stream()).toList()).containsExactly(FinishReason.STOP);
    }

    @Test
    public void runsAToolRoundTrip() {
        ChatRequest first = hello().tools(List.of(new ToolDefinition("get_weather", Optional.empty(),
                Optional.empty(), Optional.empty()))).build();
        ChatResponse call = provider().chat(target(), first);
        ToolCall toolCall = call.choices().get(0).message().toolCalls().get(0);

        ChatResponse answer = provider().chat(target(), first.toBuilder()
                .message(new Message.Assistant(Optional.empty(), List.of(toolCall), Optional.empty()))
                .message(new Message.Tool(toolCall.id(), Content.text("sunny"), Optional.empty())).build());

        assertThat(call.choices().get(0).finishReason()).contains(FinishReason.TOOL_CALLS);
        assertThat(toolCall.name()).isEqualTo("get_weather");
        assertThat(answer.choices().get(0).message().content()).hasValueSatisfying(text ->
                assertThat(text).contains("sunny"));
    }

    @Test
    public void embedsOneVectorPerInputWithUsage() {
        EmbeddingResponse response = provider().embed(target(), new EmbeddingRequest(Optional.of(embeddingModel()),
                TextInput.texts(List.of("one two", "three")), Optional.empty(), Map.of()));

        assertThat(response.data()).hasSize(2);
        assertThat(response.data().get(0).vector().dimensions()).isEqualTo(response.data().get(1).vector()
                .dimensions()).isPositive();
        assertThat(response.usage()).hasValueSatisfying(usage -> assertThat(usage.promptTokens()).isPositive());
    }

    @Test
    public void keepsAnUpstreamRefusalsStatusAndMessage() {
        faults().failNext(400, errorBody("the upstream says no"), "application/json");

        assertThat(rejection(() -> provider().chat(target(), hello().build()))).satisfies(rejected -> {
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.message()).contains("the upstream says no");
        });
    }

    @Test
    public void keepsAServerErrorsStatusForFailover() {
        faults().failNext(503, errorBody("overloaded"), "application/json");

        assertThat(rejection(() -> provider().chat(target(), hello().build())).status()).isEqualTo(503);
    }

    @Test
    public void saysWhatAnHtmlErrorPageWasWithoutRelayingIt() {
        faults().failNext(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");

        assertThat(rejection(() -> provider().chat(target(), hello().build()))).satisfies(rejected -> {
            assertThat(rejected.status()).isEqualTo(502);
            assertThat(rejected.message()).doesNotContain("<html>").contains("502");
        });
    }

    @Test
    public void aStreamCutMidwayIsAnUpstreamFailureAfterTheChunksThatArrived() {
        faults().cutNextStream();
        List<ChatChunk> chunks = new ArrayList<>();

        assertThatThrownBy(() -> provider().streamChat(target(), hello().stream(true).build(), chunks::add,
                Cancellation.NONE)).isInstanceOf(GatewayException.class);
        assertThat(chunks).isNotEmpty();
    }

    @Test
    public void aClientLeavingStopsTheStreamUntouched() {
        ClientGoneException gone = new ClientGoneException(new IOException("reset by the client"));

        assertThatThrownBy(() -> provider().streamChat(target(), hello().stream(true).build(), chunk -> {
            throw gone;
        }, Cancellation.NONE)).isSameAs(gone);
    }

    @Test
    public void anUpstreamSlowerThanTheReadTimeoutIsATimeout() {
        faults().delayNext(Duration.ofSeconds(3));
        UpstreamTimeouts impatient = new UpstreamTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300),
                Duration.ofSeconds(5), Duration.ofSeconds(30));

        assertThatThrownBy(() -> provider().chat(target(impatient), hello().build()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error())
                        .isInstanceOf(GatewayError.UpstreamTimeout.class));
    }

    private UpstreamTarget target() {
        return target(UpstreamTimeouts.DEFAULTS);
    }

    private ChatRequest.Builder hello() {
        return ChatRequest.builder().model(chatModel()).message(new Message.User(Content.text("hi"),
                Optional.empty()));
    }

    private static GatewayError.UpstreamRejected rejection(Runnable call) {
        try {
            call.run();
        } catch (GatewayException e) {
            assertThat(e.error()).isInstanceOf(GatewayError.UpstreamRejected.class);
            return (GatewayError.UpstreamRejected) e.error();
        }
        throw new AssertionError("the upstream's refusal did not reach the caller");
    }
}
