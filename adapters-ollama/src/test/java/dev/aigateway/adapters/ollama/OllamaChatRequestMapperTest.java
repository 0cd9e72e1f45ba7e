package dev.aigateway.adapters.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.ContentPart;
import dev.aigateway.domain.chat.Message;
import dev.aigateway.domain.chat.ToolCall;
import dev.aigateway.domain.chat.ToolChoice;
import dev.aigateway.domain.chat.ToolDefinition;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.json.JsonValue;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.Translation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The OpenAI-to-Ollama table, row by row: the domain request in, Ollama's JSON out. */
class OllamaChatRequestMapperTest {
    private static final ObjectMapper JSON = JsonTrees.newMapper();
    private static final String HI = "{'role':'user','content':'hi'}";

    static Stream<Arguments> rows() {
        return Stream.of(
                row("stream is always said, false included", b -> b,
                        "{'model':'mistral:7b','messages':[" + HI + "],'stream':false}", List.of()),
                row("sampling values go in options under Ollama's names", b -> b.temperature(0.2).topP(0.9).topK(40)
                                .seed(7L).maxTokens(64).stop(List.of("END")),
                        "{'model':'mistral:7b','messages':[" + HI + "],'stream':false,'options':{'temperature':0.2,"
                                + "'top_p':0.9,'top_k':40,'seed':7,'num_predict':64,'stop':['END']}}", List.of()),
                row("tool history: object arguments and the tool's name on its result",
                        b -> b.messages(List.of(user("weather?"), new Message.Assistant(Optional.empty(),
                                        List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")),
                                        Optional.empty()),
                                new Message.Tool("call_1", Content.text("sunny"), Optional.empty()))),
                        "{'model':'mistral:7b','messages':[{'role':'user','content':'weather?'},{'role':'assistant',"
                                + "'content':'','tool_calls':[{'function':{'name':'get_weather','arguments':"
                                + "{'city':'Paris'}}}]},{'role':'tool','content':'sunny','tool_name':'get_weather'}],"
                                + "'stream':false}", List.of()),
                row("tools as functions, with an empty schema when none is given",
                        b -> b.tools(List.of(new ToolDefinition("now", Optional.of("the time"), Optional.empty(),
                                Optional.empty()))).toolChoice(new ToolChoice.Auto()),
                        "{'model':'mistral:7b','messages':[" + HI + "],'stream':false,'tools':[{'type':'function',"
                                + "'function':{'name':'now','description':'the time','parameters':{'type':'object',"
                                + "'properties':{}}}}]}", List.of()),
                row("tool_choice none leaves the tools out",
                        b -> b.tools(List.of(new ToolDefinition("now", Optional.empty(), Optional.empty(),
                                Optional.empty()))).toolChoice(new ToolChoice.None()),
                        "{'model':'mistral:7b','messages':[" + HI + "],'stream':false}", List.of()),
                row("json_object is format json", b -> b.responseFormat(object(Map.of("type",
                                new JsonValue.JsonString("json_object")))),
                        "{'model':'mistral:7b','messages':[" + HI + "],'stream':false,'format':'json'}", List.of()),
                row("json_schema is the schema itself", b -> b.responseFormat(object(Map.of("type",
                                new JsonValue.JsonString("json_schema"), "json_schema", object(Map.of("schema",
                                        object(Map.of("type", new JsonValue.JsonString("object")))))))),
                        "{'model':'mistral:7b','messages':[" + HI + "],'stream':false,'format':{'type':'object'}}",
                        List.of()),
                row("text parts are joined, data-URL images go as base64",
                        b -> b.messages(List.of(new Message.User(new Content.Parts(List.of(
                                new ContentPart.Text("what"), new ContentPart.Text("is this?"),
                                new ContentPart.ImageUrl("data:image/png;base64,iVBORw0KGgo=", Optional.empty()))),
                                Optional.empty()))),
                        "{'model':'mistral:7b','messages':[{'role':'user','content':'what\\n\\nis this?','images':"
                                + "['iVBORw0KGgo=']}],'stream':false}", List.of()),
                row("OpenAI-only fields are dropped, Ollama's own pass",
                        b -> b.endUser("u").extension("store", new JsonValue.JsonBool(false))
                                .extension("keep_alive", new JsonValue.JsonString("5m")),
                        "{'model':'mistral:7b','messages':[" + HI + "],'stream':false,'keep_alive':'5m'}",
                        List.of("user", "store")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void translates(String rule, UnaryOperator<ChatRequest.Builder> request, String expected, List<String> dropped)
            throws Exception {
        Translation translation = OllamaChatRequestMapper.toOllama(
                request.apply(ChatRequest.builder().model("mistral:7b").message(user("hi"))).build(), JSON);

        assertThat(JSON.readTree(JSON.writeValueAsString(translation.body())))
                .isEqualTo(JSON.readTree(expected.replace('\'', '"')));
        assertThat(translation.dropped()).containsExactlyInAnyOrderElementsOf(dropped);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("an image Ollama would have to fetch", "messages[0].content", (UnaryOperator<ChatRequest.Builder>)
                        b -> b.messages(List.of(new Message.User(new Content.Parts(List.of(new ContentPart.ImageUrl(
                                "https://x/cat.png", Optional.empty()))), Optional.empty())))),
                Arguments.of("several answers", "n", (UnaryOperator<ChatRequest.Builder>) b -> b.n(2)),
                Arguments.of("a forced tool call", "tool_choice", (UnaryOperator<ChatRequest.Builder>)
                        b -> b.toolChoice(new ToolChoice.Required())),
                Arguments.of("arguments that are not an object", "messages[1].tool_calls[0].function.arguments",
                        (UnaryOperator<ChatRequest.Builder>) b -> b.messages(List.of(user("x"), new Message.Assistant(
                                Optional.empty(), List.of(new ToolCall("c", "f", "[1]")), Optional.empty())))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesWhatOllamaCannotHonourNamingTheField(String what, String param,
                                                     UnaryOperator<ChatRequest.Builder> request) {
        ChatRequest built = request.apply(ChatRequest.builder().model("mistral:7b").message(user("hi"))).build();

        assertThatThrownBy(() -> OllamaChatRequestMapper.toOllama(built, JSON))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error().param()).contains(param));
    }

    private static Arguments row(String rule, UnaryOperator<ChatRequest.Builder> request, String expected,
                                 List<String> dropped) {
        return Arguments.of(rule, request, expected, dropped);
    }

    private static Message user(String text) {
        return new Message.User(Content.text(text), Optional.empty());
    }

    private static JsonValue object(Map<String, JsonValue> members) {
        return new JsonValue.JsonObject(members);
    }
}
