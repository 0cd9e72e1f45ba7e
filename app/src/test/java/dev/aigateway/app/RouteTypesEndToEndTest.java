package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.fakemistral.FakeMistral;
import dev.aigateway.fakemistral.RecordedRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rest of the route-type table through the running server: completions (FIM), preserve, and the model list. */
class RouteTypesEndToEndTest {
    private static final String KEY = "sk-route-types-0123456789";

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey(KEY)
            .routes(mistral -> """
                  - name: completions
                    paths: [/v1/completions]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/completions
                          auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                          model: { provider: mistral, name: codestral-latest, options: { upstream_url: "%2$s" } }
                  - name: native
                    paths: [/v1/fim/completions, /v1/ocr]
                    strip_path: false
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: preserve
                          auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                          model: { provider: mistral, options: { upstream_url: "%2$s/ignored/path" } }
                  - name: native-query
                    paths: [/v1/agents/completions]
                    strip_path: false
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: preserve
                          auth: { param_name: key, param_value: configured, param_location: query }
                          model: { provider: mistral, options: { upstream_url: "%2$s" } }
                  - name: stripped
                    paths: [/mistral]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: preserve
                          auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                          model: { provider: mistral, options: { upstream_url: "%2$s" } }
                """.formatted(KEY, mistral.baseUri()));

    @Test
    void aForwardingRouteStripsTheMatchedPrefixByDefaultAsKongDoes() throws Exception {
        fixture.http().post("/mistral/v1/ocr?pages=1", "{\"model\":\"mistral-ocr-latest\"}");

        assertThat(fixture.mistral().lastRequest().path()).isEqualTo("/v1/ocr?pages=1");
    }

    @Test
    void aLegacyCompletionGoesToMistralsFillInTheMiddle() throws Exception {
        HttpResponse<String> response = fixture.http().post("/v1/completions", "{\"prompt\":\"def add(a, b):\","
                + "\"suffix\":\"print(add(1, 2))\",\"max_tokens\":32,\"user\":\"u\",\"n\":1}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = HttpExchanges.JSON.readTree(response.body());
        assertThat(answer.path("object").asText()).isEqualTo("text_completion");
        assertThat(answer.at("/choices/0/text").asText()).isEqualTo(FakeMistral.FIM_ANSWER);
        assertThat(answer.at("/usage/total_tokens").asInt()).isEqualTo(FakeMistral.TOTAL_TOKENS);
        RecordedRequest sent = fixture.mistral().lastRequest();
        assertThat(sent.path()).isEqualTo("/v1/fim/completions");
        assertThat(sent.json().path("model").asText()).isEqualTo("codestral-latest");
        assertThat(sent.json().path("suffix").asText()).isEqualTo("print(add(1, 2))");
        assertThat(sent.json().has("user")).isFalse();
    }

    @Test
    void aStreamedCompletionArrivesAsTextCompletionChunks() throws Exception {
        HttpResponse<String> response = fixture.http().post("/v1/completions",
                "{\"prompt\":\"def add(a, b):\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");

        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        StringBuilder text = new StringBuilder();
        JsonNode last = null;
        for (String line : response.body().split("\n\n")) {
            if (!line.equals("data: [DONE]")) {
                last = HttpExchanges.JSON.readTree(line.substring("data: ".length()));
                assertThat(last.path("object").asText()).isEqualTo("text_completion");
                text.append(last.at("/choices/0/text").asText());
            }
        }
        assertThat(text.toString()).isEqualTo(FakeMistral.FIM_ANSWER);
        assertThat(last.path("choices")).isEmpty();
        assertThat(last.at("/usage/total_tokens").asInt()).isEqualTo(FakeMistral.TOTAL_TOKENS);
    }

    @Test
    void aPreserveRouteForwardsBodyAndPathByteForByte() throws Exception {
        String body = "{ \"document\" : {\"type\":\"document_url\", \"document_url\":\"https://x/a.pdf\"},\n"
                + "  \"model\":\"mistral-ocr-latest\", \"odd\": 1.50 }";

        HttpResponse<String> response = fixture.http().post("/v1/ocr?page=2", body, "Authorization", "Bearer client");

        RecordedRequest sent = fixture.mistral().lastRequest();
        assertThat(sent.path()).isEqualTo("/v1/ocr?page=2");
        assertThat(sent.bodyText()).isEqualTo(body);
        assertThat(sent.header("authorization")).contains("Bearer " + KEY);
        assertThat(response.statusCode()).as("Mistral's own refusal, relayed as it is").isEqualTo(422);
        assertThat(HttpExchanges.JSON.readTree(response.body()).at("/detail/0/loc/1").asText()).isEqualTo("odd");
    }

    @Test
    void aPreserveRouteRelaysAStreamAsItArrives() throws Exception {
        fixture.mistral().paceStreams(Duration.ofMillis(100));
        String body = "{\"model\":\"codestral-latest\",\"prompt\":\"def f():\",\"stream\":true}";

        HttpResponse<Stream<String>> response = fixture.http().postForLines("/v1/fim/completions", body);
        long firstEventArrived = 0;
        StringBuilder relayed = new StringBuilder();
        Iterator<String> lines = response.body().iterator();
        while (lines.hasNext()) {
            String line = lines.next();
            if (firstEventArrived == 0 && line.startsWith("data: {")) {
                firstEventArrived = System.nanoTime();
            }
            relayed.append(line).append('\n');
        }

        assertThat(fixture.mistral().lastRequest().body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(relayed.toString()).endsWith("data: [DONE]\n\n");
        List<Long> sent = fixture.mistral().eventSentNanos();
        assertThat(firstEventArrived).isPositive().isLessThan(sent.get(sent.size() - 1));
    }

    @Test
    void aPreserveRouteWithAQueryCredentialReplacesTheClientsOne() throws Exception {
        fixture.http().post("/v1/agents/completions?key=client&x=1", "{}");

        assertThat(fixture.mistral().lastRequest().path()).isEqualTo("/v1/agents/completions?x=1&key=configured");
    }

    @Test
    void listsFixedModelsAndTheUpstreamListFetchedOnce() throws Exception {
        HttpResponse<String> first = fixture.http().get("/v1/models");
        HttpResponse<String> second = fixture.http().get("/v1/models");

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode list = HttpExchanges.JSON.readTree(first.body());
        assertThat(list.path("object").asText()).isEqualTo("list");
        List<String> ids = list.path("data").findValuesAsText("id");
        assertThat(ids).containsExactlyInAnyOrder("mistral-small-latest", "codestral-latest", "mistral-embed");
        assertThat(list.at("/data/0/object").asText()).isEqualTo("model");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(fixture.mistral().requests()).filteredOn(r -> r.path().equals("/v1/models")).hasSize(1)
                .allSatisfy(r -> assertThat(r.header("authorization")).contains("Bearer " + KEY));
    }
}
