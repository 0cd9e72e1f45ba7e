package dev.aigateway.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.AssistantReply;
import dev.aigateway.domain.chat.ChatChoice;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.chat.ChunkChoice;
import dev.aigateway.domain.chat.ChunkDelta;
import dev.aigateway.domain.chat.FinishReason;
import dev.aigateway.domain.chat.ToolCall;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Domain answers to OpenAI's wire shapes. */
class OpenAiChatResponseMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenAiJson WRITER = new OpenAiJson(HttpModule.RequestLimits.defaults());
    private static final Usage USAGE = new Usage(34, 100, 134);

    static Stream<Arguments> completions() {
        String head = "'id':'abc','object':'chat.completion','created':5,'model':'mistral-large-latest',";
        String usage = "'usage':{'prompt_tokens':34,'completion_tokens':100,'total_tokens':134}";
        return Stream.of(
                Arguments.of("a text answer",
                        reply(Optional.of("Hi"), Optional.empty(), List.of(), FinishReason.STOP),
                        "{" + head + "'choices':[{'index':0,'message':{'role':'assistant','content':'Hi'},"
                                + "'logprobs':null,'finish_reason':'stop'}]," + usage + "}"),
                Arguments.of("tool calls",
                        reply(Optional.of(""), Optional.empty(), List.of(new ToolCall("D681PevKs", "w", "{}")),
                                FinishReason.TOOL_CALLS),
                        "{" + head + "'choices':[{'index':0,'message':{'role':'assistant','content':'',"
                                + "'tool_calls':[{'id':'D681PevKs','type':'function','function':{'name':'w',"
                                + "'arguments':'{}'}}]},'logprobs':null,'finish_reason':'tool_calls'}]," + usage + "}"),
                Arguments.of("reasoning as reasoning_content",
                        reply(Optional.of("42"), Optional.of("thinking"), List.of(), FinishReason.LENGTH),
                        "{" + head + "'choices':[{'index':0,'message':{'role':'assistant','content':'42',"
                                + "'reasoning_content':'thinking'},'logprobs':null,'finish_reason':'length'}],"
                                + usage + "}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("completions")
    void writesCompletions(String rule, ChatResponse response, String expected) throws Exception {
        assertThat(JSON.readTree(JSON.writeValueAsString(OpenAiChatResponseMapper.completion(response))))
                .isEqualTo(json(expected));
    }

    @Test
    void numbersToolCallsAcrossTheChunksOfAStream() {
        ToolCallCounter counter = new ToolCallCounter();
        ChatChunk first = chunk(List.of(new ToolCall("aaaaaaaaa", "f", "{}")), Optional.empty());
        ChatChunk second = chunk(List.of(new ToolCall("bbbbbbbbb", "g", "{}")), Optional.empty());

        written(first, counter, true);
        JsonNode wire = written(second, counter, true);

        assertThat(wire.at("/choices/0/delta/tool_calls/0/index").asInt()).isEqualTo(1);
        assertThat(wire.at("/choices/0/delta/tool_calls/0/id").asText()).isEqualTo("bbbbbbbbb");
    }

    @Test
    void writesAChunkInOpenAisShapeFieldForField() throws Exception {
        ChatChunk chunk = new ChatChunk("c-1", 1700000000, "mistral-small-latest", List.of(new ChunkChoice(0,
                new ChunkDelta(true, Optional.of("Hi \"there\""), Optional.of("thinking"), List.of()),
                Optional.of(FinishReason.STOP))), Optional.of(new Usage(3, 4, 7, 2, 1)));

        assertThat(written(chunk, new ToolCallCounter(), true)).isEqualTo(JSON.readTree("""
                {"id":"c-1","object":"chat.completion.chunk","created":1700000000,"model":"mistral-small-latest",
                 "choices":[{"index":0,"delta":{"role":"assistant","content":"Hi \\"there\\"",
                 "reasoning_content":"thinking"},"logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7,
                 "prompt_tokens_details":{"cached_tokens":2},"completion_tokens_details":{"reasoning_tokens":1}}}
                """));
    }

    @Test
    void keepsUsageOnTheLastChunkOrLeavesItForAChunkOfItsOwn() {
        ChatChunk last = chunk(List.of(), Optional.of(USAGE));

        JsonNode inline = written(last, new ToolCallCounter(), true);
        JsonNode withheld = written(last, new ToolCallCounter(), false);
        JsonNode usageOnly = OpenAiChatResponseMapper.usageChunk(last, USAGE);

        assertThat(inline.at("/usage/total_tokens").asInt()).isEqualTo(134);
        assertThat(withheld.has("usage")).isFalse();
        assertThat(usageOnly.path("choices")).isEmpty();
        assertThat(usageOnly.at("/usage/prompt_tokens").asInt()).isEqualTo(34);
        assertThat(usageOnly.path("object").asText()).isEqualTo("chat.completion.chunk");
    }

    /** A chunk as the stream writes it, read back. */
    private static JsonNode written(ChatChunk chunk, ToolCallCounter counter, boolean withUsage) {
        try {
            return JSON.readTree(WRITER.write(out -> OpenAiChatResponseMapper.chunk(out, chunk, counter, withUsage)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ChatResponse reply(Optional<String> content, Optional<String> reasoning, List<ToolCall> calls,
                                      FinishReason reason) {
        return new ChatResponse("abc", 5, "mistral-large-latest", List.of(new ChatChoice(0,
                new AssistantReply(content, reasoning, calls), Optional.of(reason))), Optional.of(USAGE));
    }

    private static ChatChunk chunk(List<ToolCall> calls, Optional<Usage> usage) {
        return new ChatChunk("c", 5, "m", List.of(new ChunkChoice(0,
                new ChunkDelta(false, Optional.empty(), Optional.empty(), calls), Optional.empty())), usage);
    }

    private static JsonNode json(String singleQuoted) throws Exception {
        return JSON.readTree(singleQuoted.replace('\'', '"'));
    }
}
