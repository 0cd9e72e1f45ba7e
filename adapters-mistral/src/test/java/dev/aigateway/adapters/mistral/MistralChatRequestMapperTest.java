package dev.aigateway.adapters.mistral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.ContentPart;
import dev.aigateway.domain.chat.Message;
import dev.aigateway.domain.chat.ToolCall;
import dev.aigateway.domain.chat.ToolChoice;
import dev.aigateway.domain.chat.ToolDefinition;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.json.JsonValue;
import dev.aigateway.egress.Translation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The OpenAI-to-Mistral request table, one row per translation rule: domain request in, Mistral JSON out. */
class MistralChatRequestMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HI = "{\"role\":\"user\",\"content\":\"hi\"}";

    static Stream<Arguments> rows() {
        return Stream.of(
                row("a minimal request keeps model, messages and stream", b -> b,
                        "{'model':'m','messages':[" + HI + "],'stream':false}", List.of()),
                row("seed becomes random_seed", b -> b.seed(42L),
                        "{'model':'m','messages':[" + HI + "],'stream':false,'random_seed':42}", List.of()),
                row("the max token count is sent as max_tokens", b -> b.maxTokens(100),
                        "{'model':'m','messages':[" + HI + "],'stream':false,'max_tokens':100}", List.of()),
                row("sampling values pass", b -> b.temperature(0.7).topP(0.9).presencePenalty(0.1)
                                .frequencyPenalty(0.2).n(2).stop(List.of("END")),
                        "{'model':'m','messages':[" + HI + "],'stream':false,'temperature':0.7,'top_p':0.9,"
                                + "'presence_penalty':0.1,'frequency_penalty':0.2,'n':2,'stop':['END']}", List.of()),
                row("the end-user id is dropped", b -> b.endUser("user-1"),
                        "{'model':'m','messages':[" + HI + "],'stream':false}", List.of("user")),
                row("a system message loses its name, which Mistral only takes on tool messages",
                        b -> b.messages(List.of(new Message.System(Content.text("be brief"), Optional.of("ops")),
                                user("hi"))),
                        "{'model':'m','messages':[{'role':'system','content':'be brief'}," + HI + "],'stream':false}",
                        List.of("messages[].name")),
                row("tool call ids become nine alphanumerics, the same on both sides of a turn",
                        b -> b.messages(List.of(user("weather?"),
                                new Message.Assistant(Optional.empty(),
                                        List.of(new ToolCall("call_abc", "weather", "{\"city\":\"Paris\"}")),
                                        Optional.empty()),
                                new Message.Tool("call_abc", Content.text("sunny"), Optional.of("weather")))),
                        "{'model':'m','messages':[{'role':'user','content':'weather?'},{'role':'assistant',"
                                + "'tool_calls':[{'id':'" + ToolCallIds.toMistral("call_abc") + "','type':'function',"
                                + "'function':{'name':'weather','arguments':'{\\\"city\\\":\\\"Paris\\\"}'}}]},"
                                + "{'role':'tool','content':'sunny','tool_call_id':'"
                                + ToolCallIds.toMistral("call_abc") + "','name':'weather'}],'stream':false}",
                        List.of()),
                row("a tool without parameters gets an empty object schema",
                        b -> b.tools(List.of(new ToolDefinition("now", Optional.of("the time"), Optional.empty(),
                                Optional.empty()))),
                        "{'model':'m','messages':[" + HI + "],'stream':false,'tools':[{'type':'function','function':"
                                + "{'name':'now','description':'the time','parameters':{'type':'object',"
                                + "'properties':{}}}}]}", List.of()),
                row("tool parameters and strict pass as given",
                        b -> b.tools(List.of(new ToolDefinition("w", Optional.empty(), Optional.of(object(
                                Map.of("type", new JsonValue.JsonString("object")))), Optional.of(true)))),
                        "{'model':'m','messages':[" + HI + "],'stream':false,'tools':[{'type':'function','function':"
                                + "{'name':'w','parameters':{'type':'object'},'strict':true}}]}", List.of()),
                row("tool_choice required becomes any", b -> b.toolChoice(new ToolChoice.Required()),
                        "{'model':'m','messages':[" + HI + "],'stream':false,'tool_choice':'any'}", List.of()),
                row("tool_choice auto passes", b -> b.toolChoice(new ToolChoice.Auto()),
                        "{'model':'m','messages':[" + HI + "],'stream':false,'tool_choice':'auto'}", List.of()),
                row("tool_choice none passes", b -> b.toolChoice(new ToolChoice.None()),
                        "{'model':'m','messages':[" + HI + "],'stream':false,'tool_choice':'none'}", List.of()),
                row("a named function choice passes as an object", b -> b.toolChoice(new ToolChoice.Function("w")),
                        "{'model':'m','messages':[" + HI + "],'stream':false,'tool_choice':{'type':'function',"
                                + "'function':{'name':'w'}}}", List.of()),
                row("parallel_tool_calls and response_format pass",
                        b -> b.parallelToolCalls(false).responseFormat(object(
                                Map.of("type", new JsonValue.JsonString("json_object")))),
                        "{'model':'m','messages':[" + HI + "],'stream':false,'parallel_tool_calls':false,"
                                + "'response_format':{'type':'json_object'}}", List.of()),
                row("Mistral's own fields pass through",
                        b -> b.extension("safe_prompt", new JsonValue.JsonBool(true))
                                .extension("prompt_mode", new JsonValue.JsonString("reasoning")),
                        "{'model':'m','messages':[" + HI + "],'stream':false,'safe_prompt':true,"
                                + "'prompt_mode':'reasoning'}", List.of()),
                row("OpenAI-only fields are dropped",
                        b -> b.extension("store", new JsonValue.JsonBool(true))
                                .extension("logprobs", new JsonValue.JsonBool(true))
                                .extension("top_logprobs", new JsonValue.JsonNumber(BigDecimal.TWO))
                                .extension("logit_bias", JsonValue.JsonObject.empty())
                                .extension("modalities", new JsonValue.JsonArray(List.of(new JsonValue.JsonString("text"))))
                                .extension("audio", JsonValue.JsonObject.empty())
                                .extension("stream_options", JsonValue.JsonObject.empty()),
                        "{'model':'m','messages':[" + HI + "],'stream':false}",
                        List.of("logprobs", "store", "top_logprobs", "logit_bias", "modalities", "audio",
                                "stream_options")),
                row("the rest of Mistral's own fields pass through",
                        b -> b.extension("prediction", object(Map.of("type", new JsonValue.JsonString("content"),
                                        "content", new JsonValue.JsonString("x"))))
                                .extension("guardrails", new JsonValue.JsonArray(List.of()))
                                .extension("reasoning_effort", new JsonValue.JsonString("high"))
                                .extension("prompt_cache_key", new JsonValue.JsonString("k"))
                                .extension("metadata", object(Map.of("team", new JsonValue.JsonString("a")))),
                        "{'model':'m','messages':[" + HI + "],'stream':false,'prediction':{'type':'content',"
                                + "'content':'x'},'guardrails':[],'reasoning_effort':'high','prompt_cache_key':'k',"
                                + "'metadata':{'team':'a'}}", List.of()),
                row("reasoning_effort passes when the model takes it",
                        b -> b.model("mistral-small-latest").extension("reasoning_effort",
                                new JsonValue.JsonString("none")),
                        "{'model':'mistral-small-latest','messages':[" + HI + "],'stream':false,"
                                + "'reasoning_effort':'none'}", List.of()),
                row("a native random_seed passes when the client sent no seed",
                        b -> b.extension("random_seed", new JsonValue.JsonNumber(BigDecimal.valueOf(9))),
                        "{'model':'m','messages':[" + HI + "],'stream':false,'random_seed':9}", List.of()),
                row("the OpenAI seed wins over a native random_seed",
                        b -> b.seed(1L).extension("random_seed", new JsonValue.JsonNumber(BigDecimal.valueOf(9))),
                        "{'model':'m','messages':[" + HI + "],'stream':false,'random_seed':1}", List.of()),
                row("service_tier auto passes",
                        b -> b.extension("service_tier", new JsonValue.JsonString("auto")),
                        "{'model':'m','messages':[" + HI + "],'stream':false,'service_tier':'auto'}", List.of()),
                row("service_tier passes only with a value Mistral knows",
                        b -> b.extension("service_tier", new JsonValue.JsonString("standard_only")),
                        "{'model':'m','messages':[" + HI + "],'stream':false,'service_tier':'standard_only'}",
                        List.of()),
                row("OpenAI's other service tiers are dropped",
                        b -> b.extension("service_tier", new JsonValue.JsonString("flex")),
                        "{'model':'m','messages':[" + HI + "],'stream':false}", List.of("service_tier")),
                row("text and image parts map to Mistral's chunks",
                        b -> b.messages(List.of(new Message.User(new Content.Parts(List.of(
                                new ContentPart.Text("what is this?"),
                                new ContentPart.ImageUrl("https://x/cat.png", Optional.of("low")))),
                                Optional.empty()))),
                        "{'model':'m','messages':[{'role':'user','content':[{'type':'text','text':'what is this?'},"
                                + "{'type':'image_url','image_url':{'url':'https://x/cat.png','detail':'low'}}]}],"
                                + "'stream':false}", List.of()),
                row("an assistant prefix message is marked as one",
                        b -> b.messages(List.of(user("hi"), new Message.Assistant(
                                Optional.of(Content.text("Sure:")), List.of(), Optional.empty(),
                                Map.of("prefix", new JsonValue.JsonBool(true))))),
                        "{'model':'m','messages':[" + HI + ",{'role':'assistant','content':'Sure:','prefix':true}],"
                                + "'stream':false}", List.of()),
                row("other fields of a replayed answer are stripped: Mistral refuses them",
                        b -> b.messages(List.of(user("hi"), new Message.Assistant(
                                Optional.of(Content.text("Hello")), List.of(), Optional.empty(),
                                Map.of("refusal", JsonValue.JsonNull.INSTANCE,
                                        "annotations", new JsonValue.JsonArray(List.of()))), user("hi"))),
                        "{'model':'m','messages':[" + HI + ",{'role':'assistant','content':'Hello'}," + HI + "],"
                                + "'stream':false}", List.of("messages[].refusal", "messages[].annotations")),
                row("a replayed reasoning goes back to Mistral as its thinking chunk, before the answer",
                        b -> b.messages(List.of(user("hi"), new Message.Assistant(
                                Optional.of(Content.text("Hello")), List.of(), Optional.empty(),
                                Map.of("reasoning_content", new JsonValue.JsonString("greet back"))), user("hi"))),
                        "{'model':'m','messages':[" + HI + ",{'role':'assistant','content':[{'type':'thinking',"
                                + "'thinking':[{'type':'text','text':'greet back'}]},{'type':'text','text':'Hello'}]},"
                                + HI + "],'stream':false}", List.of()),
                row("Mistral's own tool_choice word passes", b -> b.extension("tool_choice",
                                new JsonValue.JsonString("any")),
                        "{'model':'m','messages':[" + HI + "],'stream':false,'tool_choice':'any'}", List.of()),
                row("a stream request says so", b -> b.stream(true),
                        "{'model':'m','messages':[" + HI + "],'stream':true}", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void translates(String rule, UnaryOperator<ChatRequest.Builder> request, String expectedJson,
                    List<String> expectedDropped) throws Exception {
        Translation translation = MistralChatRequestMapper.toMistral(
                request.apply(ChatRequest.builder().model("m").message(user("hi"))).build());

        JsonNode actual = JSON.readTree(JSON.writeValueAsString(translation.body()));
        assertThat(actual).isEqualTo(JSON.readTree(expectedJson.replace('\'', '"')));
        assertThat(translation.dropped()).containsExactlyInAnyOrderElementsOf(expectedDropped);
    }

    @Test
    void refusesATemperatureAboveMistralsRangeNamingTheField() {
        ChatRequest request = ChatRequest.builder().model("m").message(user("hi")).temperature(1.6).build();

        assertThatThrownBy(() -> MistralChatRequestMapper.toMistral(request))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error())
                        .isInstanceOfSatisfying(GatewayError.InvalidRequest.class,
                                invalid -> assertThat(invalid.param()).contains("temperature")));
    }

    @Test
    void refusesAToolChoiceWordMistralDoesNotKnow() {
        ChatRequest request = ChatRequest.builder().model("m").message(user("hi"))
                .extension("tool_choice", new JsonValue.JsonString("sometimes")).build();

        assertThatThrownBy(() -> MistralChatRequestMapper.toMistral(request))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.error().param()).contains("tool_choice"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', value = {
            "mistral-small-latest | medium  | reasoning_effort must be one of none, high for mistral-small-latest, got 'medium'",
            "mistral-small-2603   | low     | reasoning_effort must be one of none, high for mistral-small-2603, got 'low'",
            "mistral-medium-3-5   | xhigh   | reasoning_effort must be one of none, high for mistral-medium-3-5, got 'xhigh'",
            "some-future-model    | extreme | reasoning_effort must be one of none, minimal, low, medium, high, xhigh for some-future-model, got 'extreme'"})
    void refusesAReasoningEffortTheModelDoesNotTakeNamingTheValuesItTakes(String model, String effort,
                                                                         String message) {
        ChatRequest request = ChatRequest.builder().model(model).message(user("hi"))
                .extension("reasoning_effort", new JsonValue.JsonString(effort)).build();

        assertThatThrownBy(() -> MistralChatRequestMapper.toMistral(request))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.error().param()).contains("reasoning_effort");
                    assertThat(e.error().message()).isEqualTo(message);
                });
    }

    @Test
    void refusesAPrefixThatIsNotAFlag() {
        ChatRequest request = ChatRequest.builder().model("m").messages(List.of(user("hi"), new Message.Assistant(
                Optional.of(Content.text("Sure:")), List.of(), Optional.empty(),
                Map.of("prefix", new JsonValue.JsonString("yes"))))).build();

        assertThatThrownBy(() -> MistralChatRequestMapper.toMistral(request))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.error().param()).contains("messages[1].prefix"));
    }

    @Test
    void refusesTopKWhichMistralsChatApiDoesNotHave() {
        ChatRequest request = ChatRequest.builder().model("m").message(user("hi")).topK(40).build();

        assertThatThrownBy(() -> MistralChatRequestMapper.toMistral(request))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.error().param()).contains("top_k"));
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
