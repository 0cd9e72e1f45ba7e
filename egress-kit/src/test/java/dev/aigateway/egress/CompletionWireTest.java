package dev.aigateway.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.TextInput;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.Message;
import dev.aigateway.domain.chat.ToolCall;
import dev.aigateway.domain.chat.ToolChoice;
import dev.aigateway.domain.chat.ToolDefinition;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The chat-completion family's shared objects, read and written the same for every provider that speaks them. */
class CompletionWireTest {
    private static final ObjectMapper JSON = JsonTrees.newMapper();
    private final CompletionWire wire = new CompletionWire("Upstream");

    @Test
    void readsUsageWithATotalWorkedOutWhenMissing() throws Exception {
        assertThat(wire.usage(json("{'usage':{'prompt_tokens':3,'completion_tokens':4}}")))
                .contains(new Usage(3, 4, 7));
        assertThat(wire.usage(json("{'id':'x'}"))).isEmpty();
    }

    @Test
    void readsCachedAndReasoningTokensFromTheDetailsObjects() throws Exception {
        assertThat(wire.usage(json("{'usage':{'prompt_tokens':40,'completion_tokens':10,'total_tokens':50,"
                + "'prompt_tokens_details':{'cached_tokens':32},'completion_tokens_details':{'reasoning_tokens':6}}}")))
                .contains(new Usage(40, 10, 50, 32, 6));
        assertThat(wire.usage(json("{'usage':{'prompt_tokens':40,'completion_tokens':10,'total_tokens':50,"
                + "'prompt_tokens_details':null}}"))).contains(new Usage(40, 10, 50));
    }

    @Test
    void readsMistralsAudioSecondsAndOcrPages() throws Exception {
        assertThat(wire.usage(json("{'usage':{'prompt_tokens':4,'completion_tokens':6,'total_tokens':10,"
                + "'prompt_audio_seconds':12}}"))).contains(new Usage(4, 6, 10, 0, 0, 0, 12));
        assertThat(wire.usageOf(json("{'pages_processed':3,'doc_size_bytes':4096}")))
                .contains(new Usage(0, 0, 0, 0, 0, 3, 0));
        assertThat(wire.usage(json("{'usage':{'prompt_tokens':4,'prompt_audio_seconds':null}}")))
                .contains(new Usage(4, 0, 4));
    }

    @Test
    void readsToolCallArgumentsSentAsTextOrAsAnObjectAsText() throws Exception {
        JsonNode message = json("{'tool_calls':[{'id':'a','function':{'name':'f','arguments':'{\\\"x\\\":1}'}},"
                + "{'id':'b','function':{'name':'g','arguments':{'y':2}}}]}");

        assertThat(wire.toolCalls(message)).containsExactly(new ToolCall("a", "f", "{\"x\":1}"),
                new ToolCall("b", "g", "{\"y\":2}"));
    }

    @Test
    void refusesACountThatIsNotOneNamingTheUpstream() throws Exception {
        assertThatThrownBy(() -> wire.usage(json("{'usage':{'prompt_tokens':-1}}")))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.error()).isInstanceOf(GatewayError.UpstreamProtocolError.class);
                    assertThat(e.getMessage()).contains("Upstream answered with a 'prompt_tokens' that is not a count");
                });
    }

    @Test
    void writesAToolWithoutParametersAsAnEmptyObjectSchema() {
        assertThat(wire.tool(new ToolDefinition("now", Optional.empty(), Optional.empty(), Optional.empty()))
                .at("/function/parameters/type").asText()).isEqualTo("object");
    }

    @Test
    void writesToolingWithTheUpstreamsWordForRequiredAndLeavesOutWhatIsNotAsked() {
        ObjectNode body = JsonTrees.NODES.objectNode();
        ChatRequest request = ChatRequest.builder().model("m")
                .message(new Message.User(Content.text("hi"), Optional.empty()))
                .tools(List.of(new ToolDefinition("now", Optional.empty(), Optional.empty(), Optional.empty())))
                .toolChoice(new ToolChoice.Required()).build();

        wire.tooling(body, request, "any");

        assertThat(body.at("/tools/0/function/name").asText()).isEqualTo("now");
        assertThat(body.path("tool_choice").asText()).isEqualTo("any");
        assertThat(body.has("parallel_tool_calls")).isFalse();
        assertThat(body.has("response_format")).isFalse();
    }

    @Test
    void putsStringsOnlyWhenThereAreSome() {
        ObjectNode body = JsonTrees.NODES.objectNode();
        JsonTrees.putStrings(body, "stop", List.of());
        assertThat(body.has("stop")).isFalse();
        JsonTrees.putStrings(body, "stop", List.of("a", "b"));
        assertThat(body.path("stop")).hasSize(2);
    }

    @Test
    void refusesTokenArraysForAnUpstreamThatTakesTexts() {
        assertThat(wire.textsOnly(TextInput.texts(List.of("a", "b")), "input")).containsExactly("a", "b");
        assertThatThrownBy(() -> wire.textsOnly(List.of(new TextInput.Tokens(List.of(1))), "input"))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("'input[0]' must be a string: Upstream takes texts");
    }

    private static JsonNode json(String singleQuoted) throws Exception {
        return JSON.readTree(singleQuoted.replace('\'', '"'));
    }
}
