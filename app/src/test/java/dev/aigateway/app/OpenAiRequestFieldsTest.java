package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request field of OpenAI's chat completions, as the pinned official OpenAI Java SDK lists them, has a known
 * fate on a Mistral route: sent under its own name, translated, dropped by name, or refused naming it. A field a
 * new SDK adds fails the first test until it gets a row here, instead of reaching Mistral by accident.
 */
class OpenAiRequestFieldsTest {
    private static final String HELLO = "{\"model\":\"mistral-small-latest\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"hi\"}]}";
    /** The fields every row's request has anyway. */
    private static final Set<String> BASE = Set.of("messages", "model");

    /**
     * Each field's fate: a value for it in a request, and what Mistral receives: the field under its own name
     * ({@code sent}), nothing ({@code dropped}), or the name it is translated to.
     */
    private static final List<String[]> ROWS = List.of(
            row("audio", "{'voice':'alloy','format':'wav'}", "dropped"),
            row("frequency_penalty", "0.1", "sent"),
            row("functions", "[{'name':'f','parameters':{'type':'object'}}]", "tools"),
            row("logit_bias", "{'5':1}", "dropped"),
            row("logprobs", "true", "dropped"),
            row("max_completion_tokens", "10", "max_tokens"),
            row("max_tokens", "10", "sent"),
            row("metadata", "{'team':'a'}", "sent"),
            row("modalities", "['text']", "dropped"),
            row("moderation", "{'type':'auto'}", "dropped"),
            row("n", "1", "sent"),
            row("parallel_tool_calls", "false", "sent"),
            row("prediction", "{'type':'content','content':'x'}", "sent"),
            row("presence_penalty", "0.1", "sent"),
            row("prompt_cache_key", "'k'", "sent"),
            row("prompt_cache_options", "{}", "dropped"),
            row("prompt_cache_retention", "'24h'", "dropped"),
            row("reasoning_effort", "'high'", "sent"),
            row("response_format", "{'type':'json_object'}", "sent"),
            row("safety_identifier", "'u'", "dropped"),
            row("seed", "7", "random_seed"),
            row("service_tier", "'auto'", "sent"),
            row("stop", "['END']", "sent"),
            row("store", "true", "dropped"),
            row("stream_options", "{'include_usage':true}", "dropped"),
            row("temperature", "0.5", "sent"),
            row("tool_choice", "'none'", "sent"),
            row("tools", "[{'type':'function','function':{'name':'f'}}]", "sent"),
            row("top_logprobs", "2", "dropped"),
            row("top_p", "0.9", "sent"),
            row("user", "'u'", "dropped"),
            row("verbosity", "'low'", "dropped"),
            row("web_search_options", "{}", "dropped"));

    private static String[] row(String field, String value, String sentAs) {
        return new String[] {field, value, sentAs};
    }

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey("sk-fields-0123456789");


    @Test
    void everyRequestFieldOfTheSdkHasAKnownFate() {
        Set<String> unknown = new TreeSet<>(OpenAiSdkFields.of(ChatCompletionCreateParams.Body.class));
        unknown.removeAll(BASE);
        ROWS.forEach(row -> unknown.remove(row[0]));
        // Only meaningful beside functions: theLegacyFunctionCallIsTranslatedToToolChoice covers it.
        unknown.remove("function_call");

        assertThat(OpenAiSdkFields.of(ChatCompletionCreateParams.Body.class)).hasSizeGreaterThan(30);
        assertThat(unknown).as("OpenAI request fields without a row in this test").isEmpty();
    }

    static Stream<Arguments> rows() {
        return ROWS.stream().map(row -> Arguments.of(row[0], row[1], row[2]));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("rows")
    void eachFieldReachesMistralAsItsRowSays(String field, String value, String sentAs) throws Exception {
        ObjectNode body = (ObjectNode) HttpExchanges.JSON.readTree(HELLO);
        body.set(field, HttpExchanges.JSON.readTree(value.replace('\'', '"')));

        HttpResponse<String> answer = fixture.http().post("/v1/chat/completions", body.toString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode sent = fixture.mistral().lastRequest().json();
        OpenAiSdkFields.assertFate(sent, field, sentAs);
    }

    @Test
    void theLegacyFunctionCallIsTranslatedToToolChoice() throws Exception {
        HttpResponse<String> answer = fixture.http().post("/v1/chat/completions", HELLO.replace("{",
                "{\"functions\":[{\"name\":\"f\",\"parameters\":{\"type\":\"object\"}}],\"function_call\":\"none\","));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(fixture.mistral().lastRequest().json().path("tool_choice").asText()).isEqualTo("none");
    }
}
