package dev.aigateway.domain.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.error.GatewayException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmbeddingVectorTest {

    @Test
    void isAValueWhoseArrayCannotBeChangedFromOutside() {
        double[] values = {0.5, -0.25};
        EmbeddingVector vector = EmbeddingVector.of(values);
        values[0] = 9;
        vector.toArray()[1] = 9;

        assertThat(vector).isEqualTo(EmbeddingVector.of(0.5, -0.25));
        assertThat(vector.dimensions()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[0.5,-0.25,1E-3]|3|0.5,-0.25,0.001",
            "[ 0.5 ,\t-2.5e+2 ]|2|0.5,-250",
            "[7]|1|7",
            "[]|0|''"})
    void aVectorKeptAsTheProvidersTextReadsTheSameValues(String text, int dimensions, String values) {
        double[] expected = values.isEmpty() ? new double[0]
                : java.util.Arrays.stream(values.split(",")).mapToDouble(Double::parseDouble).toArray();
        EmbeddingVector vector = EmbeddingVector.ofJsonArray(text, dimensions);

        assertThat(vector.jsonArray()).contains(text);
        assertThat(vector.dimensions()).isEqualTo(dimensions);
        assertThat(vector).isEqualTo(EmbeddingVector.of(expected));
        assertThat(vector.toArray()).containsExactly(expected);
    }

    @Test
    void aVectorBuiltFromValuesHasNoText() {
        assertThat(EmbeddingVector.of(1, 2).jsonArray()).isEmpty();
    }

    @Test
    void requestsNeedAtLeastOneInput() {
        assertThatThrownBy(() -> new EmbeddingRequest(Optional.empty(), List.of(), Optional.empty(), Map.of()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error().param()).contains("input"));
    }
}
