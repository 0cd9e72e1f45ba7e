package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.route.BalancerAlgorithm;
import dev.aigateway.domain.route.FailoverCriterion;
import dev.aigateway.domain.route.Route;
import dev.aigateway.fakemistral.FakeMistral;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An ai-proxy-advanced block in the form Kong's documentation gives, and the fields it is refused for. */
class KongAdvancedExampleTest {
    private static final String KEY = "sk-kong-docs-0123456789";

    /** Kong's documented shape: every balancer field spelled out, two weighted targets, one per model. */
    private static String kongBlock(String upstream) {
        return """
                _format_version: "3.0"
                server: { host: 127.0.0.1, port: 0 }
                routes:
                  - name: mistral-chat
                    paths: [/v1/chat/completions]
                    methods: [POST]
                    protocols: [http, https]
                    plugins:
                      - name: ai-proxy-advanced
                        enabled: true
                        config:
                          llm_format: openai
                          genai_category: text/generation
                          response_streaming: allow
                          max_request_body_size: 1048576
                          model_name_header: true
                          balancer:
                            algorithm: lowest-latency
                            latency_strategy: e2e
                            tokens_count_strategy: total-tokens
                            retries: 5
                            slots: 10000
                            connect_timeout: 60000
                            read_timeout: 60000
                            write_timeout: 60000
                            failover_criteria: [error, timeout]
                            max_fails: 0
                            fail_timeout: 10000
                          targets:
                            - route_type: llm/v1/chat
                              weight: 100
                              description: large model for hard questions
                              auth: { header_name: Authorization, header_value: "Bearer %1$s", allow_override: false }
                              logging: { log_statistics: true, log_payloads: false }
                              model:
                                provider: mistral
                                name: mistral-large-latest
                                options: { mistral_format: openai, upstream_url: "%2$s/v1/chat/completions",
                                           max_tokens: 512, temperature: 0.7, input_cost: 2, output_cost: 6 }
                            - route_type: llm/v1/chat
                              weight: 50
                              description: small model
                              auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                              logging: { log_statistics: false, log_payloads: false }
                              model:
                                provider: mistral
                                name: mistral-small-latest
                                options: { mistral_format: openai, upstream_url: "%2$s/v1/chat/completions" }
                """.formatted(KEY, upstream);
    }

    @Test
    void aKongDocumentedBlockStartsAndServes() throws Exception {
        try (FakeMistral mistral = FakeMistral.start(KEY)) {
            GatewayConfig config = load(kongBlock(mistral.baseUri().toString()));
            Route route = config.routes().get(0);
            assertThat(route.targets()).hasSize(2);
            assertThat(route.balancer().algorithm()).isEqualTo(BalancerAlgorithm.LOWEST_LATENCY);
            assertThat(route.balancer().latencyByTimePerToken()).isFalse();
            assertThat(route.balancer().failoverCriteria())
                    .containsExactlyInAnyOrder(FailoverCriterion.ERROR, FailoverCriterion.TIMEOUT);
            assertThat(route.targets().get(1).description()).contains("small model");

            try (Gateway gateway = Gateway.start(config)) {
                HttpResponse<String> response = new HttpExchanges(gateway.port()).post("/v1/chat/completions",
                        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(mistral.lastRequest().json().path("model").asText())
                        .isIn("mistral-large-latest", "mistral-small-latest");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "semantic without embeddings|algorithm: lowest-latency|algorithm: semantic|balancer.algorithm semantic needs the plugin's embeddings block",
            "an unknown algorithm|algorithm: lowest-latency|algorithm: fastest|balancer.algorithm must be one of",
            "an unknown criterion|failover_criteria: [error, timeout]|failover_criteria: [error, http_418]|balancer.failover_criteria must be one of error, timeout, invalid_header, http_403, http_404, http_429, http_500, http_502, http_503, http_504, non_idempotent; got 'http_418'",
            "another write timeout|write_timeout: 60000|write_timeout: 5000|balancer.write_timeout is not implemented yet",
            "hashing without a header|algorithm: lowest-latency|algorithm: consistent-hashing|balancer.hash_on_header is required",
            "a weight out of range|weight: 50|weight: 70000|targets[1].weight must be between 1 and 65535"})
    void refusesNamingTheField(String what, String from, String to, String message) {
        String yaml = kongBlock("http://127.0.0.1:1").replace(from, to);
        assertThat(yaml).as("the row changes the block").isNotEqualTo(kongBlock("http://127.0.0.1:1"));

        assertThatThrownBy(() -> load(yaml)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("routes[0].plugins[0].config." + message);
    }

    @Test
    void refusesTargetsOfDifferentRouteTypes() {
        String block = kongBlock("http://127.0.0.1:1");
        int second = block.lastIndexOf("route_type: llm/v1/chat");
        String yaml = block.substring(0, second) + "route_type: llm/v1/embeddings"
                + block.substring(second + "route_type: llm/v1/chat".length());

        assertThatThrownBy(() -> load(yaml)).isInstanceOf(ConfigException.class).hasMessageContaining(
                "routes[0].plugins[0].config.targets[1].route_type must be the same for every target");
    }

    private static GatewayConfig load(String yaml) {
        return new ConfigLoader(Map.of(), warning -> { }).parse(yaml.getBytes(StandardCharsets.UTF_8), "kong.yaml",
                TestGateways.providers());
    }
}
