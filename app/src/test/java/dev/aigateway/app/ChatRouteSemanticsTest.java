package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.fakemistral.FakeReply;
import dev.aigateway.fakemistral.RecordedRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kong's route semantics for chat, through the running server: auth, response_streaming, streaming, tools. */
class ChatRouteSemanticsTest {
    private static final String KEY = "sk-semantics-0123456789";
    private static final String HELLO = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey(KEY)
            .routes(mistral -> """
                  - name: override
                    paths: [/override]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          auth: { header_name: Authorization, header_value: "Bearer %1$s", allow_override: true }
                          model: { provider: mistral, options: { upstream_url: "%2$s" } }
                  - name: byok
                    paths: [/byok]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          model: { provider: mistral, options: { upstream_url: "%2$s" } }
                  - name: query
                    paths: [/query]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          auth: { param_name: key, param_value: configured-q, param_location: query }
                          model: { provider: mistral, options: { upstream_url: "%2$s" } }
                  - name: body
                    paths: [/body]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          auth: { param_name: api_key, param_value: configured-b, param_location: body }
                          model: { provider: mistral, options: { upstream_url: "%2$s" } }
                  - name: deny
                    paths: [/deny]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                          model: { provider: mistral, options: { upstream_url: "%2$s" } }
                          response_streaming: deny
                  - name: always
                    paths: [/always]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                          model: { provider: mistral, options: { upstream_url: "%2$s" } }
                          response_streaming: always
                          model_name_header: false
                """.formatted(KEY, mistral.baseUri()));

    @ParameterizedTest(name = "{0} with client header ''{1}'' sends ''{2}''")
    @CsvSource(nullValues = "-", value = {
            "/v1/chat/completions, Bearer client-key, Bearer " + KEY,
            "/v1/chat/completions, -,                 Bearer " + KEY,
            "/override,            Bearer client-key, Bearer client-key",
            "/override,            -,                 Bearer " + KEY,
            "/byok,                Bearer " + KEY + ", Bearer " + KEY,
            "/byok,                -,                 -"})
    void headerCredentialsFollowKongsTruthTable(String path, String clientHeader, String upstreamHeader)
            throws Exception {
        if (clientHeader == null) {
            fixture.http().post(path, HELLO);
        } else {
            fixture.http().post(path, HELLO, "Authorization", clientHeader);
        }

        assertThat(fixture.mistral().lastRequest().header("authorization"))
                .isEqualTo(java.util.Optional.ofNullable(upstreamHeader));
    }

    @ParameterizedTest(name = "{0} with the client''s key ''{1}'' answers {2}")
    @CsvSource({
            "/byok,                Bearer wrong-client-key, 401, invalid_api_key",
            "/override,            Bearer wrong-client-key, 401, invalid_api_key",
            "/v1/chat/completions, Bearer wrong-client-key, 200, "})
    void aRefusedClientKeyReachesTheClientAsItsOwn401(String path, String clientHeader, int status, String code)
            throws Exception {
        HttpResponse<String> response = fixture.http().post(path, HELLO, "Authorization", clientHeader);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (code != null) {
            assertThat(HttpExchanges.error(response).path("code").asText()).isEqualTo(code);
            assertThat(HttpExchanges.error(response).path("message").asText()).isEqualTo("Unauthorized");
        }
    }

    @Test
    void aQueryParameterCredentialGoesOnTheUpstreamUrl() throws Exception {
        fixture.http().post("/query?key=client-q", HELLO);

        assertThat(fixture.mistral().lastRequest().path()).isEqualTo("/v1/chat/completions?key=configured-q");
        assertThat(fixture.mistral().lastRequest().header("authorization")).isEmpty();
    }

    @Test
    void aBodyParameterCredentialReplacesTheClientsField() throws Exception {
        fixture.http().post("/body", "{\"model\":\"m\",\"api_key\":\"client-b\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hi\"}]}");

        assertThat(fixture.mistral().lastRequest().json().path("api_key").asText()).isEqualTo("configured-b");
    }

    @Test
    void aDenyRouteRefusesStreamsWithKongsMessageButServesTheRest() throws Exception {
        HttpResponse<String> refused = fixture.http().post("/deny", HELLO.replace("{", "{\"stream\":true,"));
        HttpResponse<String> served = fixture.http().post("/deny", HELLO);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(HttpExchanges.error(refused).path("message").asText())
                .isEqualTo("response streaming is not enabled for this LLM");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(fixture.mistral().requests()).hasSize(1);
    }

    @Test
    void anAlwaysRouteStreamsEvenWhenNotAsked() throws Exception {
        HttpResponse<String> response = fixture.http().post("/always", HELLO);

        assertThat(response.headers().firstValue("content-type")).contains("text/event-stream");
        assertThat(response.body()).startsWith("data: {").endsWith("data: [DONE]\n\n");
        assertThat(fixture.mistral().lastRequest().json().path("stream").asBoolean()).isTrue();
        assertThat(response.headers().firstValue("x-kong-llm-model")).isEmpty();
    }

    @Test
    void streamedEventsAreNotBuffered() throws Exception {
        fixture.mistral().enqueue(FakeReply.text("one two three four five six"));
        fixture.mistral().paceStreams(Duration.ofMillis(100));

        HttpResponse<Stream<String>> response = fixture.http().postForLines("/v1/chat/completions",
                HELLO.replace("{", "{\"stream\":true,"));
        long firstContentArrived = 0;
        Iterator<String> lines = response.body().iterator();
        while (lines.hasNext()) {
            String line = lines.next();
            if (firstContentArrived == 0 && line.contains("\"content\":\"one")) {
                firstContentArrived = System.nanoTime();
            }
        }

        List<Long> sent = fixture.mistral().eventSentNanos();
        assertThat(sent).hasSize(7);
        assertThat(firstContentArrived).isPositive().isLessThan(sent.get(sent.size() - 1));
    }

    @Test
    void aToolCallRoundTripsTwiceWithOpenAiStyleIdsAndTheStrictFakeAcceptsEveryTurn() throws Exception {
        ArrayNode messages = HttpExchanges.JSON.createArrayNode();
        messages.addObject().put("role", "user").put("content", "Weather in Paris?");
        for (int turn = 0; turn < 2; turn++) {
            JsonNode call = chat(messages).at("/choices/0/message/tool_calls/0");
            assertThat(call.path("function").path("name").asText()).isEqualTo("get_weather");
            String clientId = "call_turn" + turn + "_" + call.path("id").asText();
            ObjectNode assistant = messages.addObject().put("role", "assistant");
            assistant.putNull("content");
            ObjectNode replayed = assistant.putArray("tool_calls").addObject().put("id", clientId)
                    .put("type", "function");
            replayed.set("function", call.path("function"));
            messages.addObject().put("role", "tool").put("tool_call_id", clientId).put("content", "sunny " + turn);
            assertThat(chat(messages).at("/choices/0/message/content").asText()).isEqualTo("Tool result: sunny "
                    + turn);
            messages.addObject().put("role", "assistant").put("content", "Tool result: sunny " + turn);
            messages.addObject().put("role", "user").put("content", "And now?");
        }

        RecordedRequest last = fixture.mistral().lastRequest();
        JsonNode upstream = last.json().path("messages");
        assertThat(upstream.at("/1/tool_calls/0/id").asText()).matches("[a-zA-Z0-9]{9}")
                .isEqualTo(upstream.at("/2/tool_call_id").asText());
        assertThat(fixture.mistral().requests()).hasSize(4);
    }

    @Test
    void aStreamedToolCallArrivesAsOneOpenAiDeltaWithItsIndex() throws Exception {
        fixture.mistral().enqueue(FakeReply.toolCall("Ab3dEf6hI", "get_weather", "{\"city\":\"Paris\"}"));

        HttpResponse<String> response = fixture.http().post("/v1/chat/completions",
                HELLO.replace("{", "{\"stream\":true,"));

        String toolEvent = response.body().lines().filter(line -> line.contains("tool_calls")).findFirst()
                .orElseThrow();
        JsonNode chunk = HttpExchanges.JSON.readTree(toolEvent.substring("data: ".length()));
        assertThat(chunk.at("/choices/0/delta/tool_calls/0/index").asInt()).isZero();
        assertThat(chunk.at("/choices/0/delta/tool_calls/0/id").asText()).isEqualTo("Ab3dEf6hI");
        assertThat(chunk.at("/choices/0/delta/tool_calls/0/function/arguments").asText())
                .isEqualTo("{\"city\":\"Paris\"}");
        assertThat(chunk.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
    }

    private JsonNode chat(ArrayNode messages) throws Exception {
        ObjectNode body = HttpExchanges.JSON.createObjectNode().put("model", "m");
        body.set("messages", messages);
        ObjectNode tool = body.putArray("tools").addObject().put("type", "function");
        tool.putObject("function").put("name", "get_weather").putObject("parameters").put("type", "object");
        HttpResponse<String> response = fixture.http().post("/v1/chat/completions", body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HttpExchanges.JSON.readTree(response.body());
    }
}
