package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** failover_criteria that cannot fire are said at start, naming the route, and the start goes on. */
class FailoverCriteriaWarningTest {

    @Test
    void warnsAboutHttpCriteriaWithoutNonIdempotent() {
        List<String> warnings = load("[http_500, http_503]");

        assertThat(warnings).singleElement().asString()
                .contains("routes[0].plugins[0].config.balancer.failover_criteria of route 'pair'")
                .contains("http_500, http_503").contains("non_idempotent");
    }

    @Test
    void saysNothingWhenTheyCanFire() {
        assertThat(load("[http_500, non_idempotent]")).isEmpty();
        assertThat(load("[error]")).isEmpty();
    }

    private static List<String> load(String criteria) {
        List<String> warnings = new ArrayList<>();
        String yaml = """
                routes:
                  - name: pair
                    paths: [/pair]
                    plugins:
                      - name: ai-proxy-advanced
                        config:
                          balancer: { failover_criteria: %s }
                          targets:
                            - { route_type: llm/v1/chat, model: { provider: mistral } }
                            - { route_type: llm/v1/chat, model: { provider: mistral } }
                """.formatted(criteria);
        new ConfigLoader(Map.of(), warnings::add).parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml",
                TestGateways.providers());
        return warnings;
    }
}
