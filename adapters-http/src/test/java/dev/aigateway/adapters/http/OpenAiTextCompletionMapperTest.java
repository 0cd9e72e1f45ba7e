package dev.aigateway.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.adapters.http.HttpModule.RequestLimits;
import dev.aigateway.domain.TextInput;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.AssistantReply;
import dev.aigateway.domain.chat.ChatChoice;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.chat.ChunkChoice;
import dev.aigateway.domain.chat.ChunkDelta;
import dev.aigateway.domain.chat.FinishReason;
import dev.aigateway.domain.completion.CompletionRequest;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiTextCompletionMapperTest {
    private static final OpenAiJson JSON = new OpenAiJson(RequestLimits.defaults());

    @Test
    void readsALegacyCompletionRequest() {
        OpenAiTextCompletionMapper.Incoming incoming = read("{'model':'codestral-latest','prompt':['def f():'],"
                + "'suffix':'return 1','max_tokens':32,'min_tokens':2,'temperature':0.1,'stop':['\\n\\n'],'seed':4,"
                + "'stream':true,'stream_options':{'include_usage':true},'user':'u'}");

        assertThat(incoming.includeUsage()).isTrue();
        assertThat(incoming.request()).isEqualTo(new CompletionRequest(Optional.of("codestral-latest"),
                TextInput.texts(List.of("def f():")), Optional.of("return 1"), true, Optional.of(32),
                Optional.of(0.1), Optional.empty(), Optional.empty(), List.of("\n\n"), Optional.of(4L),
                Map.of("min_tokens", new JsonValue.JsonNumber(java.math.BigDecimal.valueOf(2)),
                        "user", new JsonValue.JsonString("u"))));
    }

    static Stream<Arguments> promptShapes() {
        return Stream.of(
                Arguments.of("one string", "'x'", List.of(new TextInput.Text("x"))),
                Arguments.of("several strings", "['x','y']", TextInput.texts(List.of("x", "y"))),
                Arguments.of("one token array", "[1,2,3]", List.of(new TextInput.Tokens(List.of(1, 2, 3)))),
                Arguments.of("several token arrays", "[[1],[2,3]]", List.of(new TextInput.Tokens(List.of(1)),
                        new TextInput.Tokens(List.of(2, 3)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("promptShapes")
    void readsEveryPromptShapeOfOpenAi(String shape, String prompt, List<TextInput> expected) {
        assertThat(read("{'prompt':" + prompt + "}").request().prompts()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'model':'m'}", "{'prompt':7}", "{'prompt':[]}", "{'prompt':['a',7]}",
            "{'prompt':[[1,'a']]}", "{'prompt':[-1]}"})
    void refusesPromptsThatAreNoneOfThem(String body) {
        assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.error().param()).get().asString().startsWith("prompt"));
    }

    @Test
    void writesTheTextCompletionShape() {
        ChatResponse answer = new ChatResponse("f1", 9, "codestral-latest", List.of(new ChatChoice(0,
                new AssistantReply(Optional.of("return a + b"), Optional.empty(), List.of()),
                Optional.of(FinishReason.STOP))), Optional.of(new Usage(5, 4, 9)));

        JsonNode wire = OpenAiTextCompletionMapper.completion(answer);

        assertThat(wire.path("object").asText()).isEqualTo("text_completion");
        assertThat(wire.at("/choices/0/text").asText()).isEqualTo("return a + b");
        assertThat(wire.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(wire.at("/usage/total_tokens").asInt()).isEqualTo(9);
    }

    @Test
    void writesStreamChunksAsTextDeltas() {
        ChatChunk chunk = new ChatChunk("f1", 9, "codestral-latest", List.of(new ChunkChoice(0,
                new ChunkDelta(false, Optional.of("a + b"), Optional.empty(), List.of()), Optional.empty())),
                Optional.of(new Usage(5, 4, 9)));

        JsonNode withUsage = OpenAiTextCompletionMapper.chunk(chunk, true);
        JsonNode withoutUsage = OpenAiTextCompletionMapper.chunk(chunk, false);

        assertThat(withUsage.at("/choices/0/text").asText()).isEqualTo("a + b");
        assertThat(withUsage.path("object").asText()).isEqualTo("text_completion");
        assertThat(withUsage.at("/usage/prompt_tokens").asInt()).isEqualTo(5);
        assertThat(withoutUsage.has("usage")).isFalse();
    }

    private static OpenAiTextCompletionMapper.Incoming read(String singleQuoted) {
        return OpenAiTextCompletionMapper.fromWire(JSON.readObject(singleQuoted.replace('\'', '"')
                .getBytes(StandardCharsets.UTF_8)), RequestLimits.defaults());
    }
}
