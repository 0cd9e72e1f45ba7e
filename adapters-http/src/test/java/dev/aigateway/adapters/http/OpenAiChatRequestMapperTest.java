package dev.aigateway.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.adapters.http.HttpModule.RequestLimits;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.ContentPart;
import dev.aigateway.domain.chat.Message;
import dev.aigateway.domain.chat.ToolCall;
import dev.aigateway.domain.chat.ToolChoice;
import dev.aigateway.domain.chat.ToolDefinition;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OpenAI request bodies to domain requests, one row per field rule. */
class OpenAiChatRequestMapperTest {
    private static final RequestLimits LIMITS = new RequestLimits(4, 2, 3, 8);
    private static final OpenAiJson JSON = new OpenAiJson(LIMITS);
    private static final String HI = "'messages':[{'role':'user','content':'hi'}]";

    static Stream<Arguments> rows() {
        return Stream.of(
                row("model, messages and sampling values", "{'model':'m'," + HI + ",'temperature':0.5,'top_p':0.9,"
                                + "'n':1,'presence_penalty':0.1,'frequency_penalty':0.2,'stop':'END'}",
                        b -> b.model("m").temperature(0.5).topP(0.9).n(1).presencePenalty(0.1)
                                .frequencyPenalty(0.2).stop(List.of("END"))),
                row("max_completion_tokens wins over max_tokens", "{" + HI + ",'max_tokens':5,"
                        + "'max_completion_tokens':9}", b -> b.maxTokens(9)),
                row("max_tokens alone is the limit", "{" + HI + ",'max_tokens':5}", b -> b.maxTokens(5)),
                row("a whole number written as 5.0 is a whole number", "{" + HI + ",'max_tokens':5.0}",
                        b -> b.maxTokens(5)),
                row("seed is carried", "{" + HI + ",'seed':12345678901}", b -> b.seed(12345678901L)),
                row("user is carried as the end user", "{" + HI + ",'user':'u-1'}", b -> b.endUser("u-1")),
                row("the developer role is a system message", "{'messages':[{'role':'developer','content':'be brief'},"
                                + "{'role':'user','content':'hi'}]}",
                        b -> b.messages(List.of(new Message.System(Content.text("be brief"), Optional.empty()),
                                user()))),
                row("names on messages are carried", "{'messages':[{'role':'user','content':'hi','name':'ann'}]}",
                        b -> b.messages(List.of(new Message.User(Content.text("hi"), Optional.of("ann"))))),
                row("stream is read from the body", "{" + HI + ",'stream':true}", b -> b.stream(true)),
                row("null counts as absent", "{" + HI + ",'temperature':null,'tools':null}", b -> b),
                row("tools, tool_choice and parallel_tool_calls", "{" + HI + ",'tools':[{'type':'function',"
                                + "'function':{'name':'w','description':'weather','parameters':{'type':'object'},"
                                + "'strict':true}}],'tool_choice':'required','parallel_tool_calls':false}",
                        b -> b.tools(List.of(new ToolDefinition("w", Optional.of("weather"),
                                        Optional.of(object(Map.of("type", new JsonValue.JsonString("object")))),
                                        Optional.of(true))))
                                .toolChoice(new ToolChoice.Required()).parallelToolCalls(false)),
                row("a named function choice", "{" + HI + ",'tool_choice':{'type':'function','function':"
                        + "{'name':'w'}}}", b -> b.toolChoice(new ToolChoice.Function("w"))),
                row("legacy functions and function_call become tools", "{" + HI + ",'functions':[{'name':'w'}],"
                                + "'function_call':{'name':'w'}}",
                        b -> b.tools(List.of(new ToolDefinition("w", Optional.empty(), Optional.empty(),
                                Optional.empty()))).toolChoice(new ToolChoice.Function("w"))),
                row("a tool round trip in history", "{'messages':[{'role':'user','content':'weather?'},"
                                + "{'role':'assistant','content':null,'refusal':null,'tool_calls':[{'id':'call_1',"
                                + "'type':'function','function':{'name':'w','arguments':'{}'}}]},"
                                + "{'role':'tool','tool_call_id':'call_1','content':'sunny'}]}",
                        b -> b.messages(List.of(new Message.User(Content.text("weather?"), Optional.empty()),
                                new Message.Assistant(Optional.empty(), List.of(new ToolCall("call_1", "w", "{}")),
                                        Optional.empty(), Map.of("refusal", JsonValue.JsonNull.INSTANCE)),
                                new Message.Tool("call_1", Content.text("sunny"), Optional.empty())))),
                row("assistant fields OpenAI's reader does not model travel as the message's extensions",
                        "{'messages':[{'role':'user','content':'hi'},{'role':'assistant','content':'Hello',"
                                + "'refusal':'no','reasoning_content':'thought','annotations':[]},"
                                + "{'role':'user','content':'again'}]}",
                        b -> b.messages(List.of(user(), new Message.Assistant(Optional.of(Content.text("Hello")),
                                List.of(), Optional.empty(), Map.of("refusal", new JsonValue.JsonString("no"),
                                        "reasoning_content", new JsonValue.JsonString("thought"),
                                        "annotations", new JsonValue.JsonArray(List.of()))),
                                new Message.User(Content.text("again"), Optional.empty())))),
                row("a legacy function result is a tool message", "{'messages':[{'role':'user','content':'hi'},"
                                + "{'role':'assistant','content':null,'function_call':{'name':'w','arguments':'{}'}},"
                                + "{'role':'function','name':'w','content':'sunny'}]}",
                        b -> b.messages(List.of(user(), new Message.Assistant(Optional.empty(),
                                        List.of(new ToolCall("w", "w", "{}")), Optional.empty()),
                                new Message.Tool("w", Content.text("sunny"), Optional.of("w"))))),
                row("a tool_choice word that is not OpenAI's travels for the provider to judge",
                        "{" + HI + ",'tool_choice':'any'}",
                        b -> b.extension("tool_choice", new JsonValue.JsonString("any"))),
                row("a message flag that is not OpenAI's (a prefix) travels with its message",
                        "{'messages':[{'role':'user','content':'hi'},{'role':'assistant','content':'Sure:',"
                                + "'prefix':true}]}",
                        b -> b.messages(List.of(user(), new Message.Assistant(Optional.of(Content.text("Sure:")),
                                List.of(), Optional.empty(), Map.of("prefix", new JsonValue.JsonBool(true)))))),
                row("text and image parts, image as string or object", "{'messages':[{'role':'user','content':["
                                + "{'type':'text','text':'what?','cache_control':{'type':'ephemeral'}},"
                                + "{'type':'image_url','image_url':{'url':'https://x/a.png','detail':'high'}},"
                                + "{'type':'image_url','image_url':'https://x/b.png'}]}]}",
                        b -> b.messages(List.of(new Message.User(new Content.Parts(List.of(
                                new ContentPart.Text("what?"),
                                new ContentPart.ImageUrl("https://x/a.png", Optional.of("high")),
                                new ContentPart.ImageUrl("https://x/b.png", Optional.empty()))), Optional.empty())))),
                row("unmodelled fields are carried as extensions for the provider to judge",
                        "{" + HI + ",'safe_prompt':true,'store':false,'top_logprobs':2}",
                        b -> b.extension("safe_prompt", new JsonValue.JsonBool(true))
                                .extension("store", new JsonValue.JsonBool(false))
                                .extension("top_logprobs", new JsonValue.JsonNumber(BigDecimal.valueOf(2)))),
                row("stream_options stays at the ingress", "{" + HI + ",'stream':true,'stream_options':"
                        + "{'include_usage':true}}", b -> b.stream(true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void maps(String rule, String body, UnaryOperator<ChatRequest.Builder> expected) {
        ChatRequest actual = OpenAiChatRequestMapper.fromWire(parse(body), LIMITS).request();

        assertThat(actual).isEqualTo(expected.apply(ChatRequest.builder().message(user())).build());
    }

    @Test
    void includeUsageIsReadFromStreamOptions() {
        assertThat(OpenAiChatRequestMapper.fromWire(parse("{" + HI + ",'stream':true,'stream_options':"
                + "{'include_usage':true}}"), LIMITS).includeUsage()).isTrue();
        assertThat(OpenAiChatRequestMapper.fromWire(parse("{" + HI + ",'stream':true}"), LIMITS).includeUsage())
                .isFalse();
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("{'model':'m'}", "messages"),
                Arguments.of("{'messages':'hi'}", "messages"),
                Arguments.of("{'messages':[]}", "messages"),
                Arguments.of("{'messages':[{'content':'hi'}]}", "messages[0].role"),
                Arguments.of("{'messages':[{'role':'wizard','content':'hi'}]}", "messages[0].role"),
                Arguments.of("{'messages':[{'role':'user'}]}", "messages[0].content"),
                Arguments.of("{'messages':[{'role':'user','content':42}]}", "messages[0].content"),
                Arguments.of("{'messages':[{'role':'assistant','content':null}]}", "messages[0].content"),
                Arguments.of("{'messages':[{'role':'tool','content':'x'}]}", "messages[0].tool_call_id"),
                Arguments.of("{'messages':[{'role':'user','content':[{'type':'input_audio'}]}]}",
                        "messages[0].content[0].type"),
                Arguments.of("{" + HI + ",'stream':'true'}", "stream"),
                Arguments.of("{" + HI + ",'max_tokens':1.9}", "max_tokens"),
                Arguments.of("{" + HI + ",'max_tokens':'5'}", "max_tokens"),
                Arguments.of("{" + HI + ",'max_tokens':99999999999}", "max_tokens"),
                Arguments.of("{" + HI + ",'temperature':'hot'}", "temperature"),
                Arguments.of("{" + HI + ",'model':7}", "model"),
                Arguments.of("{" + HI + ",'stop':[1]}", "stop[0]"),
                Arguments.of("{" + HI + ",'tools':[{'type':'web_search'}]}", "tools[0].type"),
                Arguments.of("{" + HI + ",'tools':[{'type':'function','function':{}}]}", "tools[0].function.name"),
                Arguments.of("{" + HI + ",'tool_choice':7}", "tool_choice"),
                Arguments.of("{" + HI + ",'response_format':'json'}", "response_format"),
                Arguments.of("{" + HI + ",'stream_options':{'include_usage':'yes'}}",
                        "stream_options.include_usage"),
                Arguments.of("{'messages':[" + "{'role':'user','content':'hi'},".repeat(4)
                        + "{'role':'user','content':'hi'}]}", "messages"),
                Arguments.of("{" + HI + ",'tools':[" + "{'function':{'name':'f'}},".repeat(2)
                        + "{'function':{'name':'f'}}]}", "tools"));
    }

    @ParameterizedTest(name = "{0} -> param {1}")
    @MethodSource("badRequests")
    void refusesNamingTheField(String body, String param) {
        assertThatThrownBy(() -> OpenAiChatRequestMapper.fromWire(parse(body), LIMITS))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error().param()).contains(param));
    }

    private static ObjectNode parse(String singleQuoted) {
        return JSON.readObject(singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    private static Arguments row(String rule, String body, UnaryOperator<ChatRequest.Builder> expected) {
        return Arguments.of(rule, body, (UnaryOperator<ChatRequest.Builder>) b -> expected.apply(b));
    }

    private static Message user() {
        return new Message.User(Content.text("hi"), Optional.empty());
    }

    private static JsonValue object(Map<String, JsonValue> members) {
        return new JsonValue.JsonObject(members);
    }
}
