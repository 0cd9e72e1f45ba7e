package dev.aigateway.adapters.mistral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.domain.TextInput;
import dev.aigateway.domain.completion.CompletionRequest;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.json.JsonValue;
import dev.aigateway.egress.Translation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OpenAI legacy completions to Mistral's fill-in-the-middle request, one row per rule. */
class MistralFimRequestMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "'model':'codestral-latest','prompt':'def add(a, b):','stream':false";

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("prompt and suffix", request(Optional.of("\n\nprint(add(1, 2))"), Map.of()),
                        "{" + BASE + ",'suffix':'\\n\\nprint(add(1, 2))'}", List.of()),
                Arguments.of("sampling values and seed", request(Optional.empty(), Map.of()).withTuning(
                                Optional.of(64), Optional.of(0.2), Optional.of(0.9), Optional.empty()),
                        "{" + BASE + ",'max_tokens':64,'temperature':0.2,'top_p':0.9}", List.of()),
                Arguments.of("OpenAI fields at their neutral values are dropped", request(Optional.empty(), Map.of(
                                "n", number(1), "echo", new JsonValue.JsonBool(false), "user", new JsonValue.JsonString("u"),
                                "logprobs", JsonValue.JsonNull.INSTANCE, "presence_penalty", number(0))),
                        "{" + BASE + "}", List.of("n", "echo", "user", "logprobs", "presence_penalty")),
                Arguments.of("Mistral's own fields pass", request(Optional.empty(), Map.of(
                                "prompt_cache_key", new JsonValue.JsonString("k"))),
                        "{" + BASE + ",'prompt_cache_key':'k'}", List.of()),
                Arguments.of("min_tokens, Mistral's own, passes", request(Optional.empty(), Map.of(
                                "min_tokens", number(2))),
                        "{" + BASE + ",'min_tokens':2}", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void translates(String rule, CompletionRequest request, String expected, List<String> dropped) throws Exception {
        Translation translation = MistralFimRequestMapper.toMistral(request);

        assertThat(JSON.readTree(JSON.writeValueAsString(translation.body())))
                .isEqualTo(JSON.readTree(expected.replace('\'', '"')));
        assertThat(translation.dropped()).containsExactlyInAnyOrderElementsOf(dropped);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("n", number(2)), Arguments.of("best_of", number(3)),
                Arguments.of("echo", new JsonValue.JsonBool(true)), Arguments.of("logprobs", number(5)),
                Arguments.of("frequency_penalty", number(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesFieldsThatWouldChangeTheAnswer(String field, JsonValue value) {
        CompletionRequest request = request(Optional.empty(), Map.of(field, value));

        assertThatThrownBy(() -> MistralFimRequestMapper.toMistral(request)).isInstanceOfSatisfying(
                GatewayException.class, e -> assertThat(e.error().param()).contains(field));
    }

    static Stream<Arguments> refusedPrompts() {
        return Stream.of(
                Arguments.of("several prompts", TextInput.texts(List.of("a", "b"))),
                Arguments.of("a token array", List.of(new TextInput.Tokens(List.of(1, 2)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedPrompts")
    void refusesPromptsMistralCannotTake(String what, List<TextInput> prompts) {
        CompletionRequest request = request(prompts, Optional.empty(), Map.of());

        assertThatThrownBy(() -> MistralFimRequestMapper.toMistral(request)).isInstanceOfSatisfying(
                GatewayException.class, e -> assertThat(e.error().param()).contains("prompt"));
    }

    @ParameterizedTest
    @MethodSource("badMinTokens")
    void refusesAMinTokensThatIsNotACount(JsonValue value) {
        CompletionRequest request = request(Optional.empty(), Map.of("min_tokens", value));

        assertThatThrownBy(() -> MistralFimRequestMapper.toMistral(request)).isInstanceOfSatisfying(
                GatewayException.class, e -> assertThat(e.error().param()).contains("min_tokens"));
    }

    static Stream<JsonValue> badMinTokens() {
        return Stream.of(number(-1), new JsonValue.JsonNumber(new BigDecimal("1.5")), new JsonValue.JsonString("2"));
    }

    private static CompletionRequest request(Optional<String> suffix, Map<String, JsonValue> extensions) {
        return request(TextInput.texts(List.of("def add(a, b):")), suffix, extensions);
    }

    private static CompletionRequest request(List<TextInput> prompts, Optional<String> suffix,
                                             Map<String, JsonValue> extensions) {
        return new CompletionRequest(Optional.of("codestral-latest"), prompts, suffix, false, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), extensions);
    }

    private static JsonValue number(int value) {
        return new JsonValue.JsonNumber(BigDecimal.valueOf(value));
    }
}
