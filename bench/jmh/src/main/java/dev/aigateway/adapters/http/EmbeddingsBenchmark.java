package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.adapters.http.HttpModule.RequestLimits;
import dev.aigateway.domain.embedding.Embedding;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.embedding.EmbeddingVector;
import dev.aigateway.egress.CompletionWire;
import dev.aigateway.egress.JsonTrees;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One embeddings answer end to end through the gateway's code: Mistral's bytes (one input, 1024 numbers) read into
 * the domain and written as the client's OpenAI bytes. The baseline reads as before 2026-12-04: a JSON tree, each
 * number into a double, printed back.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EmbeddingsBenchmark {
    private final ObjectMapper upstreamJson = JsonTrees.newMapper();
    private final OpenAiJson clientJson = new OpenAiJson(RequestLimits.defaults());
    private final CompletionWire wire = new CompletionWire("Mistral");
    private final byte[] mistralAnswer = mistralAnswer(1024);

    @Benchmark
    public byte[] mistralEmbeddingsToClientBytes() {
        return clientJson.write(OpenAiEmbeddingMapper.toWire(wire.embeddingResponse(upstreamJson, mistralAnswer),
                false));
    }

    @Benchmark
    public byte[] mistralEmbeddingsToClientBytesViaDoubles() throws Exception {
        JsonNode root = upstreamJson.readTree(mistralAnswer);
        List<Embedding> data = new ArrayList<>();
        for (JsonNode item : root.path("data")) {
            JsonNode values = item.path("embedding");
            double[] vector = new double[values.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = values.get(i).asDouble();
            }
            data.add(new Embedding(item.path("index").asInt(), EmbeddingVector.of(vector)));
        }
        EmbeddingResponse response = new EmbeddingResponse(Optional.of(root.path("id").asText()),
                root.path("model").asText(), data, wire.usage(root));
        return clientJson.write(OpenAiEmbeddingMapper.toWire(response, false));
    }

    private static byte[] mistralAnswer(int dimensions) {
        Random random = new Random(7);
        StringBuilder numbers = new StringBuilder("[");
        for (int i = 0; i < dimensions; i++) {
            numbers.append(i == 0 ? "" : ",").append(random.nextGaussian() / 30);
        }
        return ("{\"id\":\"emb-1\",\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"embedding\":" + numbers
                + "],\"index\":0}],\"model\":\"mistral-embed\",\"usage\":{\"prompt_tokens\":4,\"total_tokens\":4,"
                + "\"completion_tokens\":0}}").getBytes(StandardCharsets.UTF_8);
    }
}
