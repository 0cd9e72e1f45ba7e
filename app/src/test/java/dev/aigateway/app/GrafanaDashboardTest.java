package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.fakemistral.FakeMistral;
import dev.aigateway.fakemistral.FakeReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every metric and label the Grafana dashboard queries is one the gateway exports. */
class GrafanaDashboardTest {
    private static final Path DASHBOARD = Path.of("..", "observability", "grafana-dashboard.json");
    private static final Pattern SERIES = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\s*[{\\[]");
    private static final Pattern GROUPING = Pattern.compile("\\bby\\s*\\(([^)]*)\\)");
    private static final Pattern MATCHER = Pattern.compile("([a-z_][a-z0-9_]*)\\s*=~?\\s*\"");
    private static final String HELLO = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    /** A query's metric names and the labels it groups or filters on. */
    private record Query(String expr, Set<String> metrics, Set<String> labels) { }

    private static List<Query> queries() throws Exception {
        List<Query> queries = new ArrayList<>();
        for (JsonNode panel : HttpExchanges.JSON.readTree(Files.readString(DASHBOARD)).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                Set<String> metrics = new LinkedHashSet<>();
                Matcher series = SERIES.matcher(expr);
                while (series.find()) {
                    metrics.add(series.group(1));
                }
                if (expr.matches("[a-z_][a-z0-9_]*")) {
                    metrics.add(expr);
                }
                Set<String> labels = new LinkedHashSet<>();
                Matcher grouping = GROUPING.matcher(expr);
                while (grouping.find()) {
                    for (String label : grouping.group(1).split(",")) {
                        labels.add(label.trim());
                    }
                }
                Matcher matcher = MATCHER.matcher(expr);
                while (matcher.find()) {
                    labels.add(matcher.group(1));
                }
                queries.add(new Query(expr, metrics, labels));
            }
        }
        return queries;
    }

    @Test
    void everyMetricAndLabelTheDashboardQueriesIsExported() throws Exception {
        String metrics;
        try (FakeMistral mistral = FakeMistral.start("sk-dash")) {
            Gateway gateway = TestGateways.start("""
                    server: { host: 127.0.0.1, port: 0 }
                    routes:
                      - name: chat
                        paths: [/v1/chat/completions]
                        plugins:
                          - name: ai-proxy
                            config:
                              route_type: llm/v1/chat
                              auth: { header_name: Authorization, header_value: "Bearer sk-dash" }
                              model: { provider: mistral, options: { upstream_url: "%1$s/v1/chat/completions",
                                       input_cost: 1.0, output_cost: 2.0 } }
                          - name: ai-rate-limiting-advanced
                            config:
                              strategy: redis
                              fail_open: true
                              redis: { host: 127.0.0.1, port: 1 }
                              policies: [{ limits: [{ limit: 100000, window_size: 60 }] }]
                    """.formatted(mistral.baseUri()));
            try {
                HttpExchanges http = new HttpExchanges(gateway.port());
                http.post("/v1/chat/completions", HELLO);
                http.post("/v1/chat/completions", HELLO.replace("{", "{\"stream\":true,"));
                mistral.enqueue(FakeReply.error(500, "{\"message\":\"down\"}"));
                http.post("/v1/chat/completions", HELLO);
                metrics = http.get("/metrics").body();
            } finally {
                gateway.close();
            }
        }
        List<Query> queries = queries();

        assertThat(queries).hasSizeGreaterThan(10);
        for (Query query : queries) {
            assertThat(query.metrics()).as(query.expr()).isNotEmpty();
            for (String metric : query.metrics()) {
                List<String> lines = metrics.lines().filter(line -> line.startsWith(metric + "{")
                        || line.startsWith(metric + " ")).toList();
                assertThat(lines).as("%s in %s", metric, query.expr()).isNotEmpty();
                for (String label : query.labels()) {
                    assertThat(lines).as("label %s of %s in %s", label, metric, query.expr())
                            .anyMatch(line -> line.contains("{" + label + "=\"") || line.contains("," + label + "=\""));
                }
            }
        }
    }
}
