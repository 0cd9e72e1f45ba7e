package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.adapters.http.HttpModule.RequestLimits;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.ChunkChoice;
import dev.aigateway.domain.chat.ChunkDelta;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
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

/** The ingress side of the hot path: an OpenAI request into the domain, a stream chunk out as an SSE event. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class IngressBenchmark {
    private final OpenAiJson json = new OpenAiJson(RequestLimits.defaults());
    private final byte[] request = ("{\"model\":\"mistral-small-latest\",\"messages\":[{\"role\":\"system\","
            + "\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"What is the capital of France?\"}],"
            + "\"temperature\":0.3,\"max_completion_tokens\":64,\"seed\":7,\"user\":\"u-1\"}")
            .getBytes(StandardCharsets.UTF_8);
    private final ChatChunk chunk = new ChatChunk("abc", 1, "mistral-small-latest", List.of(new ChunkChoice(0,
            new ChunkDelta(false, Optional.of("Paris "), Optional.empty(), List.of()), Optional.empty())),
            Optional.of(new Usage(12, 3, 15)));

    @Benchmark
    public ChatRequest openAiRequestToDomain() {
        ObjectNode body = json.readObject(request);
        return OpenAiChatRequestMapper.fromWire(body, json.limits()).request();
    }

    @Benchmark
    public byte[] chunkToSseEventBytes() {
        return json.write(out -> OpenAiChatResponseMapper.chunk(out, chunk, new ToolCallCounter(), true));
    }

    /** The baseline: how a chunk was written until 2026-12-04, a JSON tree built and then serialised. */
    @Benchmark
    public byte[] chunkToSseEventBytesViaTree() {
        ObjectNode wire = OpenAiJson.NODES.objectNode().put("id", chunk.id()).put("object", "chat.completion.chunk")
                .put("created", chunk.created()).put("model", chunk.model());
        ArrayNode choices = wire.putArray("choices");
        for (ChunkChoice choice : chunk.choices()) {
            ObjectNode item = choices.addObject().put("index", choice.index());
            ObjectNode delta = item.putObject("delta");
            choice.delta().content().ifPresent(c -> delta.put("content", c));
            item.putNull("logprobs");
            item.put("finish_reason", choice.finishReason().map(r -> r.name().toLowerCase(Locale.ROOT))
                    .orElse(null));
        }
        chunk.usage().ifPresent(usage -> OpenAiUsage.write(wire, usage));
        return json.write(wire);
    }
}
