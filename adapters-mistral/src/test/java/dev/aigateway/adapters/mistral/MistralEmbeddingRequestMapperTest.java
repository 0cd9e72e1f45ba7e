package dev.aigateway.adapters.mistral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.domain.TextInput;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The embeddings rows of the OpenAI-to-Mistral table. */
class MistralEmbeddingRequestMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("inputs always go as an array", request(List.of("a"), null, Map.of()),
                        "{'model':'mistral-embed','input':['a']}"),
                Arguments.of("dimensions becomes output_dimension", request(List.of("a", "b"), 256, Map.of()),
                        "{'model':'mistral-embed','input':['a','b'],'output_dimension':256}"),
                Arguments.of("user is dropped", request(List.of("a"), null,
                        Map.of("user", new JsonValue.JsonString("u"))), "{'model':'mistral-embed','input':['a']}"),
                Arguments.of("output_dtype passes", request(List.of("a"), null,
                        Map.of("output_dtype", new JsonValue.JsonString("int8"))),
                        "{'model':'mistral-embed','input':['a'],'output_dtype':'int8'}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void translates(String rule, EmbeddingRequest request, String expected) throws Exception {
        assertThat(JSON.readTree(JSON.writeValueAsString(MistralEmbeddingRequestMapper.toMistral(request))))
                .isEqualTo(JSON.readTree(expected.replace('\'', '"')));
    }

    @Test
    void refusesTokenArraysNamingTheInput() {
        EmbeddingRequest request = new EmbeddingRequest(Optional.of("mistral-embed"), List.of(
                new TextInput.Text("a"), new TextInput.Tokens(List.of(1, 2))), Optional.empty(), Map.of());

        assertThatThrownBy(() -> MistralEmbeddingRequestMapper.toMistral(request))
                .isInstanceOf(GatewayException.class).hasMessageContaining("'input[1]' must be a string");
    }

    private static EmbeddingRequest request(List<String> inputs, Integer dimensions, Map<String, JsonValue> extra) {
        return new EmbeddingRequest(Optional.of("mistral-embed"), TextInput.texts(inputs),
                Optional.ofNullable(dimensions), extra);
    }
}
