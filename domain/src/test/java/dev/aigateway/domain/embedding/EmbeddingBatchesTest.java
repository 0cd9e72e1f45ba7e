package dev.aigateway.domain.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.domain.TextInput;
import dev.aigateway.domain.Usage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Splitting an embeddings request into calls a provider takes, and answering it as one. */
class EmbeddingBatchesTest {

    private static EmbeddingRequest request(List<String> texts) {
        return new EmbeddingRequest(Optional.of("e"), TextInput.texts(texts), Optional.empty(), Map.of());
    }

    @ParameterizedTest(name = "{0} inputs of {1} chars, at most {2} inputs / {3} tokens -> {4}")
    @CsvSource({
            "5, 3,   2, 1000, '2,2,1'",
            "4, 3,   10, 1000, '4'",
            "4, 30,  10, 20,   '2,2'",
            "3, 300, 10, 20,   '1,1,1'"})
    void splitsByInputsAndByEstimatedTokens(int count, int chars, int maxInputs, int maxTokens, String sizes) {
        List<String> texts = java.util.stream.IntStream.range(0, count).mapToObj(i -> "x".repeat(chars)).toList();

        List<EmbeddingBatches.Batch> batches = new EmbeddingBatches(maxInputs, maxTokens).split(request(texts));

        assertThat(batches).extracting(batch -> batch.request().inputs().size()).containsExactly(
                java.util.Arrays.stream(sizes.split(",")).map(Integer::valueOf).toArray(Integer[]::new));
        int offset = 0;
        for (EmbeddingBatches.Batch batch : batches) {
            assertThat(batch.offset()).isEqualTo(offset);
            offset += batch.request().inputs().size();
        }
    }

    @Test
    void theAnswersMergeInTheOriginalOrderWithUsageSummed() {
        List<EmbeddingBatches.Batch> batches = new EmbeddingBatches(2, 1000).split(request(List.of("a", "b", "c")));
        EmbeddingResponse first = new EmbeddingResponse(Optional.of("id1"), "e", List.of(
                new Embedding(1, EmbeddingVector.of(new double[] {2})), new Embedding(0, EmbeddingVector.of(
                new double[] {1}))), Optional.of(new Usage(2, 0, 2)));
        EmbeddingResponse second = new EmbeddingResponse(Optional.of("id2"), "e", List.of(new Embedding(0,
                EmbeddingVector.of(new double[] {3}))), Optional.of(new Usage(1, 0, 1)));

        EmbeddingResponse merged = EmbeddingResponse.merge(batches, List.of(first, second));

        assertThat(merged.data()).extracting(Embedding::index).containsExactly(0, 1, 2);
        assertThat(merged.data().get(2).vector()).isEqualTo(EmbeddingVector.of(new double[] {3}));
        assertThat(merged.usage()).contains(new Usage(3, 0, 3));
        assertThat(merged.upstreamCalls()).isEqualTo(2);
        assertThat(EmbeddingResponse.merge(batches, List.of(first, new EmbeddingResponse(Optional.empty(), "e",
                second.data(), Optional.empty()))).usage()).as("a part without usage leaves the sum unknown").isEmpty();
    }
}
