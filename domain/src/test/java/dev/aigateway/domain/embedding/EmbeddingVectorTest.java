package dev.aigateway.domain.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.error.GatewayException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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

    @Test
    void requestsNeedAtLeastOneInput() {
        assertThatThrownBy(() -> new EmbeddingRequest(Optional.empty(), List.of(), Optional.empty(), Map.of()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error().param()).contains("input"));
    }
}
