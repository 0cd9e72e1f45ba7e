package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.embeddings.EmbeddingCreateParams;
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
 * The request fields of OpenAI's legacy completions and of embeddings, as the pinned official OpenAI Java SDK lists
 * them, each with a tested fate on a Mistral route: sent, translated, dropped, or refused with a 400 naming it.
 */
class OpenAiCompletionAndEmbeddingFieldsTest {
    private static final String COMPLETION = "{\"model\":\"codestral-latest\",\"prompt\":\"def add(a, b):\"}";
    private static final String EMBEDDING = "{\"model\":\"mistral-embed\",\"input\":\"hello\"}";

    /** Path, base body, field, a value for it, and what Mistral receives (or {@code refused}). */
    private static final List<String[]> ROWS = List.of(
            row("/v1/completions", COMPLETION, "best_of", "1", "dropped"),
            row("/v1/completions", COMPLETION, "best_of", "2", "refused"),
            row("/v1/completions", COMPLETION, "echo", "false", "dropped"),
            row("/v1/completions", COMPLETION, "echo", "true", "refused"),
            row("/v1/completions", COMPLETION, "frequency_penalty", "0", "dropped"),
            row("/v1/completions", COMPLETION, "frequency_penalty", "0.5", "refused"),
            row("/v1/completions", COMPLETION, "logit_bias", "{}", "dropped"),
            row("/v1/completions", COMPLETION, "logprobs", "null", "dropped"),
            row("/v1/completions", COMPLETION, "logprobs", "2", "refused"),
            row("/v1/completions", COMPLETION, "max_tokens", "16", "sent"),
            row("/v1/completions", COMPLETION, "n", "1", "dropped"),
            row("/v1/completions", COMPLETION, "n", "2", "refused"),
            row("/v1/completions", COMPLETION, "presence_penalty", "0", "dropped"),
            row("/v1/completions", COMPLETION, "seed", "7", "random_seed"),
            row("/v1/completions", COMPLETION, "stop", "['\\n']", "sent"),
            row("/v1/completions", COMPLETION, "stream_options", "{'include_usage':true}", "dropped"),
            row("/v1/completions", COMPLETION, "suffix", "'return c'", "sent"),
            row("/v1/completions", COMPLETION, "temperature", "0.2", "sent"),
            row("/v1/completions", COMPLETION, "top_p", "0.9", "sent"),
            row("/v1/completions", COMPLETION, "user", "'u'", "dropped"),
            row("/v1/embeddings", EMBEDDING, "dimensions", "256", "output_dimension"),
            row("/v1/embeddings", EMBEDDING, "encoding_format", "'float'", "dropped"),
            row("/v1/embeddings", EMBEDDING, "user", "'u'", "dropped"));

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey("sk-fields-0123456789").routes(mistral -> """
              - name: fim
                paths: [/v1/completions]
                plugins:
                  - name: ai-proxy
                    config:
                      route_type: llm/v1/completions
                      auth: { header_name: Authorization, header_value: "Bearer ${MISTRAL_API_KEY}" }
                      model: { provider: mistral, options: { upstream_url: "%s" } }
            """.formatted(mistral.baseUri()));

    private static String[] row(String path, String base, String field, String value, String fate) {
        return new String[] {path, base, field, value, fate};
    }

    static Stream<Arguments> rows() {
        return ROWS.stream().map(row -> Arguments.of(row[2], row[3], row[4], row[0], row[1]));
    }


    @Test
    void everyRequestFieldOfTheSdkHasAKnownFate() {
        for (Class<?> body : List.of(CompletionCreateParams.Body.class, EmbeddingCreateParams.Body.class)) {
            Set<String> unknown = new TreeSet<>(OpenAiSdkFields.of(body));
            unknown.removeAll(Set.of("model", "prompt", "input"));
            ROWS.forEach(row -> unknown.remove(row[2]));

            assertThat(unknown).as("%s fields without a row in this test", body.getName()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{3} {0}={1} -> {2}")
    @MethodSource("rows")
    void eachFieldReachesMistralAsItsRowSays(String field, String value, String fate, String path, String base)
            throws Exception {
        ObjectNode body = (ObjectNode) HttpExchanges.JSON.readTree(base);
        body.set(field, HttpExchanges.JSON.readTree(value.replace('\'', '"')));
        int before = fixture.mistral().requests().size();

        HttpResponse<String> answer = fixture.http().post(path, body.toString());

        if (fate.equals("refused")) {
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(HttpExchanges.error(answer).path("param").asText()).isEqualTo(field);
            assertThat(fixture.mistral().requests()).hasSize(before);
            return;
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode sent = fixture.mistral().lastRequest().json();
        OpenAiSdkFields.assertFate(sent, field, fate);
    }
}
