package dev.aigateway.adapters.mistral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.aigateway.domain.embedding.Embedding;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.embedding.EmbeddingVector;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Mistral-to-domain answer table: Mistral JSON in, domain values out. */
class MistralResponseMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEAD = "'id':'abc','object':'chat.completion','created':1732548590,'model':'mistral-large-latest',";
    private static final Optional<Usage> USAGE = Optional.of(new Usage(34, 100, 134));
    private static final String USAGE_JSON = "'usage':{'prompt_tokens':34,'completion_tokens':100,'total_tokens':134}";

    static Stream<Arguments> completions() {
        return Stream.of(
                Arguments.of("a text answer with usage",
                        "{" + HEAD + "'choices':[{'index':0,'message':{'role':'assistant','content':'Hi',"
                                + "'tool_calls':null},'finish_reason':'stop'}]," + USAGE_JSON + "}",
                        response(new AssistantReply(Optional.of("Hi"), Optional.empty(), List.of()),
                                FinishReason.STOP, USAGE)),
                Arguments.of("tool calls keep Mistral's ids and arguments text",
                        "{" + HEAD + "'choices':[{'index':0,'message':{'role':'assistant','content':'',"
                                + "'tool_calls':[{'id':'D681PevKs','type':'function','function':{'name':'w',"
                                + "'arguments':'{\\\"city\\\":\\\"Paris\\\"}'}}]},'finish_reason':'tool_calls'}],"
                                + USAGE_JSON + "}",
                        response(new AssistantReply(Optional.of(""), Optional.empty(),
                                List.of(new ToolCall("D681PevKs", "w", "{\"city\":\"Paris\"}"))),
                                FinishReason.TOOL_CALLS, USAGE)),
                Arguments.of("tool call arguments sent as an object become JSON text",
                        "{" + HEAD + "'choices':[{'index':0,'message':{'role':'assistant','content':'',"
                                + "'tool_calls':[{'id':'D681PevKs','function':{'name':'w','arguments':{'a':1}}}]},"
                                + "'finish_reason':'tool_calls'}]," + USAGE_JSON + "}",
                        response(new AssistantReply(Optional.of(""), Optional.empty(),
                                List.of(new ToolCall("D681PevKs", "w", "{\"a\":1}"))),
                                FinishReason.TOOL_CALLS, USAGE)),
                Arguments.of("model_length is a length stop",
                        "{" + HEAD + "'choices':[{'index':0,'message':{'content':'Hi'},'finish_reason':'model_length'}],"
                                + USAGE_JSON + "}",
                        response(new AssistantReply(Optional.of("Hi"), Optional.empty(), List.of()),
                                FinishReason.LENGTH, USAGE)),
                Arguments.of("a reasoning model's chunks split into content and reasoning",
                        "{" + HEAD + "'choices':[{'index':0,'message':{'content':[{'type':'thinking','thinking':"
                                + "[{'type':'text','text':'Let me think.'}]},{'type':'text','text':'42'}]},"
                                + "'finish_reason':'stop'}]," + USAGE_JSON + "}",
                        response(new AssistantReply(Optional.of("42"), Optional.of("Let me think."), List.of()),
                                FinishReason.STOP, USAGE)),
                Arguments.of("an answer without usage has none",
                        "{" + HEAD + "'choices':[{'index':0,'message':{'content':'Hi'},'finish_reason':'stop'}]}",
                        response(new AssistantReply(Optional.of("Hi"), Optional.empty(), List.of()),
                                FinishReason.STOP, Optional.empty())),
                Arguments.of("the provider's total is kept even when it is not the sum",
                        "{" + HEAD + "'choices':[{'index':0,'message':{'content':'Hi'},'finish_reason':'stop'}],"
                                + "'usage':{'prompt_tokens':1,'completion_tokens':2,'total_tokens':5}}",
                        response(new AssistantReply(Optional.of("Hi"), Optional.empty(), List.of()),
                                FinishReason.STOP, Optional.of(new Usage(1, 2, 5)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("completions")
    void readsCompletions(String rule, String mistralJson, ChatResponse expected) throws Exception {
        assertThat(MistralResponseMapper.chatResponse(json(mistralJson))).isEqualTo(expected);
    }

    static Stream<Arguments> chunks() {
        String head = "'id':'c1','object':'chat.completion.chunk','created':7,'model':'m',";
        return Stream.of(
                Arguments.of("the first chunk opens the assistant message",
                        "{" + head + "'choices':[{'index':0,'delta':{'role':'assistant','content':''},"
                                + "'finish_reason':null}]}",
                        chunk(new ChunkDelta(true, Optional.of(""), Optional.empty(), List.of()), Optional.empty(),
                                Optional.empty())),
                Arguments.of("a content chunk adds text",
                        "{" + head + "'choices':[{'index':0,'delta':{'content':'Hel'},'finish_reason':null}]}",
                        chunk(new ChunkDelta(false, Optional.of("Hel"), Optional.empty(), List.of()),
                                Optional.empty(), Optional.empty())),
                Arguments.of("the last chunk carries the finish reason and the exact usage",
                        "{" + head + "'choices':[{'index':0,'delta':{'content':'lo'},'finish_reason':'stop'}],"
                                + "'usage':{'prompt_tokens':34,'completion_tokens':2,'total_tokens':36}}",
                        chunk(new ChunkDelta(false, Optional.of("lo"), Optional.empty(), List.of()),
                                Optional.of(FinishReason.STOP), Optional.of(new Usage(34, 2, 36)))),
                Arguments.of("tool calls arrive whole in one delta",
                        "{" + head + "'choices':[{'index':0,'delta':{'tool_calls':[{'id':'abcdefghi','function':"
                                + "{'name':'w','arguments':'{}'}}]},'finish_reason':'tool_calls'}]}",
                        chunk(new ChunkDelta(false, Optional.empty(), Optional.empty(),
                                List.of(new ToolCall("abcdefghi", "w", "{}"))), Optional.of(FinishReason.TOOL_CALLS),
                                Optional.empty())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chunks")
    void readsStreamChunks(String rule, String mistralJson, ChatChunk expected) throws Exception {
        assertThat(MistralResponseMapper.chatChunk(json(mistralJson))).isEqualTo(expected);
    }

    @Test
    void readsEmbeddingsWithTheirUsageKeepingEachVectorsText() {
        EmbeddingResponse response = embeddings("{'id':'e','object':'list',"
                + "'data':[{'object':'embedding','embedding':[0.5, -0.25],'index':0},"
                + "{'object':'embedding','embedding':[1.0,0E0],'index':1}],'model':'mistral-embed',"
                + "'usage':{'prompt_tokens':4,'completion_tokens':0,'total_tokens':4}}");

        assertThat(response).isEqualTo(new EmbeddingResponse(Optional.of("e"), "mistral-embed", List.of(
                new Embedding(0, EmbeddingVector.of(0.5, -0.25)), new Embedding(1, EmbeddingVector.of(1.0, 0.0))),
                Optional.of(new Usage(4, 0, 4))));
        assertThat(response.data()).extracting(embedding -> embedding.vector().jsonArray().orElseThrow())
                .containsExactly("[0.5, -0.25]", "[1.0,0E0]");
    }

    static Stream<Arguments> brokenEmbeddings() {
        return Stream.of(
                Arguments.of("{'model':'m'}", "no 'data' array"),
                Arguments.of("{'model':'m','data':{}}", "no 'data' array"),
                Arguments.of("{'data':[]}", "no 'model'"),
                Arguments.of("{'model':'m','data':[{'index':0}]}", "an embedding without its 'embedding' array"),
                Arguments.of("{'model':'m','data':[{'embedding':[0.5,'x']}]}",
                        "an 'embedding' array with something else than numbers"),
                Arguments.of("{'model':'m','data':[{'embedding':[0.5,[1]]}]}",
                        "an 'embedding' array with something else than numbers"),
                Arguments.of("{'model':'m','data':[{'index':-1,'embedding':[]}]}", "a 'index' that is not a count"),
                Arguments.of("[1]", "a body that is not a JSON object"),
                Arguments.of("{'model':'m','data':[{'embedding':[0.5,", "a body that is not valid JSON"));
    }

    @ParameterizedTest
    @MethodSource("brokenEmbeddings")
    void refusesEmbeddingsItCannotRead(String body, String problem) {
        assertThatThrownBy(() -> embeddings(body)).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.error().message()).isEqualTo("Mistral answered with " + problem
                        + " in its response"));
    }

    private static EmbeddingResponse embeddings(String singleQuoted) {
        return MistralResponseMapper.embeddingResponse(JSON, singleQuoted.replace('\'', '"')
                .getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("no choices", "{'id':'a','model':'m'}"),
                Arguments.of("no id", "{'model':'m','choices':[]}"),
                Arguments.of("an unknown finish reason",
                        "{'id':'a','model':'m','choices':[{'index':0,'message':{'content':'x'},'finish_reason':'odd'}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void refusesAnswersItCannotReadAsAProtocolError(String what, String mistralJson) throws Exception {
        JsonNode answer = json(mistralJson);
        assertThatThrownBy(() -> MistralResponseMapper.chatResponse(answer))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.error()).isInstanceOf(GatewayError.UpstreamProtocolError.class));
    }

    private static ChatResponse response(AssistantReply reply, FinishReason reason, Optional<Usage> usage) {
        return new ChatResponse("abc", 1732548590, "mistral-large-latest",
                List.of(new ChatChoice(0, reply, Optional.of(reason))), usage);
    }

    private static ChatChunk chunk(ChunkDelta delta, Optional<FinishReason> reason, Optional<Usage> usage) {
        return new ChatChunk("c1", 7, "m", List.of(new ChunkChoice(0, delta, reason)), usage);
    }

    private static JsonNode json(String singleQuoted) throws Exception {
        return JSON.readTree(singleQuoted.replace('\'', '"'));
    }
}
