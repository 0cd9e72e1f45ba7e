package dev.aigateway.adapters.mistral;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.Message;
import dev.aigateway.egress.JsonTrees;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
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

/** The egress side of the hot path: a domain request to Mistral's bytes, an upstream SSE event into a chunk. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EgressBenchmark {
    private final ObjectMapper json = JsonTrees.newMapper();
    private final ChatRequest request = ChatRequest.builder().model("mistral-small-latest")
            .message(new Message.System(Content.text("Be brief."), Optional.empty()))
            .message(new Message.User(Content.text("What is the capital of France?"), Optional.empty()))
            .temperature(0.3).maxTokens(64).seed(7L).endUser("u-1").build();
    private final byte[] event = ("{\"id\":\"f798\",\"object\":\"chat.completion.chunk\",\"created\":1732548656,"
            + "\"model\":\"mistral-small-latest\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Paris \"},"
            + "\"finish_reason\":null}]}").getBytes(StandardCharsets.UTF_8);

    @Benchmark
    public byte[] domainRequestToMistralBytes() throws Exception {
        return json.writeValueAsBytes(MistralChatRequestMapper.toMistral(request).body());
    }

    @Benchmark
    public ChatChunk mistralEventToChunk() throws Exception {
        return MistralResponseMapper.chatChunk(json.readTree(event));
    }
}
