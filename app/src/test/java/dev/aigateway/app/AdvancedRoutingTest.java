package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.fakemistral.FakeMistral;
import dev.aigateway.fakemistral.FakeReply;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ai-proxy-advanced through the running server, in front of two fake Mistrals. */
class AdvancedRoutingTest {
    private static final String KEY_A = "sk-primary-0123456789";
    private static final String KEY_B = "sk-fallback-0123456789";
    private static final String HELLO = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private FakeMistral primary;
    private FakeMistral fallback;
    private Gateway gateway;
    private HttpExchanges http;

    @BeforeEach
    void start() throws Exception {
        primary = FakeMistral.start(KEY_A);
        fallback = FakeMistral.start(KEY_B);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String yaml = """
                server: { host: 127.0.0.1, port: 0 }
                routes:
                  - name: failover
                    paths: [/failover]
                    plugins:
                      - name: ai-proxy-advanced
                        config:
                          balancer:
                            algorithm: priority
                            retries: 1
                            failover_criteria: [error, timeout, http_429, http_500, non_idempotent]
                            max_fails: 2
                            fail_timeout: 1000
                          targets:
                            - route_type: llm/v1/chat
                              weight: 100
                              auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                              model: { provider: mistral, options: { upstream_url: "%2$s" } }
                            - route_type: llm/v1/chat
                              weight: 10
                              auth: { header_name: Authorization, header_value: "Bearer %3$s" }
                              model: { provider: mistral, options: { upstream_url: "%4$s" } }
                  - name: cautious
                    paths: [/cautious]
                    plugins:
                      - name: ai-proxy-advanced
                        config:
                          balancer: { algorithm: priority }
                          targets:
                            - route_type: llm/v1/chat
                              weight: 100
                              auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                              model: { provider: mistral, options: { upstream_url: "%2$s" } }
                            - route_type: llm/v1/chat
                              weight: 10
                              auth: { header_name: Authorization, header_value: "Bearer %3$s" }
                              model: { provider: mistral, options: { upstream_url: "%4$s" } }
                  - name: refused
                    paths: [/refused]
                    plugins:
                      - name: ai-proxy-advanced
                        config:
                          balancer: { algorithm: priority }
                          targets:
                            - route_type: llm/v1/chat
                              weight: 100
                              model: { provider: mistral, options: { upstream_url: "http://127.0.0.1:%5$d" } }
                            - route_type: llm/v1/chat
                              weight: 10
                              auth: { header_name: Authorization, header_value: "Bearer %3$s" }
                              model: { provider: mistral, options: { upstream_url: "%4$s" } }
                  - name: fragile
                    paths: [/fragile]
                    plugins:
                      - name: ai-proxy-advanced
                        config:
                          balancer: { algorithm: round-robin, max_fails: 1, fail_timeout: 5000,
                                      failover_criteria: [http_500, non_idempotent] }
                          targets:
                            - route_type: llm/v1/chat
                              auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                              model: { provider: mistral, options: { upstream_url: "%2$s" } }
                            - route_type: llm/v1/chat
                              auth: { header_name: Authorization, header_value: "Bearer %3$s" }
                              model: { provider: mistral, options: { upstream_url: "%4$s" } }
                  - name: hashed
                    paths: [/hashed]
                    plugins:
                      - name: ai-proxy-advanced
                        config:
                          balancer: { algorithm: consistent-hashing, hash_on_header: X-User }
                          targets:
                            - route_type: llm/v1/chat
                              auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                              model: { provider: mistral, options: { upstream_url: "%2$s" } }
                            - route_type: llm/v1/chat
                              auth: { header_name: Authorization, header_value: "Bearer %3$s" }
                              model: { provider: mistral, options: { upstream_url: "%4$s" } }
                  - name: semantic
                    paths: [/semantic]
                    plugins:
                      - name: ai-proxy-advanced
                        config:
                          embeddings:
                            auth: { header_name: Authorization, header_value: "Bearer %3$s" }
                            model: { provider: mistral, name: mistral-embed, options: { upstream_url: "%4$s" } }
                          vectordb: { strategy: memory, distance_metric: cosine, threshold: 0.99, dimensions: 8 }
                          balancer: { algorithm: semantic }
                          targets:
                            - route_type: llm/v1/chat
                              description: questions about code
                              auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                              model: { provider: mistral, name: codestral-latest, options: { upstream_url: "%2$s" } }
                            - route_type: llm/v1/chat
                              description: questions about the weather
                              auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                              model: { provider: mistral, name: mistral-small-latest, options: { upstream_url: "%2$s" } }
                            - route_type: llm/v1/chat
                              description: CATCHALL
                              auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                              model: { provider: mistral, name: mistral-large-latest, options: { upstream_url: "%2$s" } }
                """.formatted(KEY_A, primary.baseUri(), KEY_B, fallback.baseUri(), closedPort);
        gateway = Gateway.start(new ConfigLoader(Map.of(), warning -> { })
                .parse(yaml.getBytes(StandardCharsets.UTF_8), "advanced.yaml", TestGateways.providers()));
        http = new HttpExchanges(gateway.port());
    }

    @AfterEach
    void stop() {
        gateway.close();
        primary.close();
        fallback.close();
    }

    @Test
    void a500FailsOverToTheOtherTarget() throws Exception {
        primary.enqueue(FakeReply.error(500, "{\"message\":\"Service unavailable.\"}"));

        HttpResponse<String> response = http.post("/failover", HELLO);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-gateway-target")).contains("1");
        assertThat(response.headers().firstValue("x-gateway-attempts")).contains("2");
        assertThat(primary.requests()).hasSize(1);
        assertThat(fallback.requests()).hasSize(1);
        assertThat(fallback.lastRequest().header("authorization")).contains("Bearer " + KEY_B);
    }

    @Test
    void a429FailsOverAndKeepsTheTargetOutUntilItsRetryAfter() throws Exception {
        primary.enqueue(new FakeReply.Error(429, "{\"message\":\"Rate limit exceeded\"}", Map.of("Retry-After", "30")));

        assertThat(http.post("/failover", HELLO).statusCode()).isEqualTo(200);
        assertThat(http.post("/failover", HELLO).headers().firstValue("x-gateway-target")).contains("1");

        assertThat(primary.requests()).hasSize(1);
        assertThat(fallback.requests()).hasSize(2);
    }

    @Test
    void aRefusedTargetFailsOverEvenWithoutNonIdempotent() throws Exception {
        HttpResponse<String> response = http.post("/refused", HELLO);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fallback.requests()).hasSize(1);
    }

    @Test
    void aPostTheUpstreamReceivedIsNotRetriedWithoutNonIdempotent() throws Exception {
        primary.enqueue(FakeReply.error(500, "{\"message\":\"Service unavailable.\"}"));

        HttpResponse<String> response = http.post("/cautious", HELLO);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(primary.requests()).hasSize(1);
        assertThat(fallback.requests()).isEmpty();
    }

    @Test
    void noFailoverOnceTheFirstStreamedByteReachedTheClient() throws Exception {
        primary.enqueue(new FakeReply.Reset("one two three four", 2));

        HttpResponse<String> response = http.post("/failover", HELLO.replace("{", "{\"stream\":true,"));

        assertThat(response.body()).contains("\"content\":\"one \"").contains("\"error\"")
                .doesNotContain("[DONE]");
        assertThat(primary.requests()).hasSize(1);
        assertThat(fallback.requests()).isEmpty();
    }

    @Test
    void theBreakerOpensAfterMaxFailsAndAProbeClosesIt() throws Exception {
        primary.enqueue(FakeReply.error(500, "{\"message\":\"down\"}"));
        primary.enqueue(FakeReply.error(500, "{\"message\":\"down\"}"));
        http.post("/failover", HELLO);
        http.post("/failover", HELLO);
        assertThat(primary.requests()).hasSize(2);

        http.post("/failover", HELLO);
        assertThat(primary.requests()).as("open: the primary is skipped").hasSize(2);
        assertThat(fallback.requests()).hasSize(3);

        Thread.sleep(1100);
        HttpResponse<String> probe = http.post("/failover", HELLO);
        assertThat(probe.headers().firstValue("x-gateway-target")).as("the probe goes to the primary").contains("0");
        HttpResponse<String> after = http.post("/failover", HELLO);
        assertThat(after.headers().firstValue("x-gateway-target")).as("closed again").contains("0");
        assertThat(primary.requests()).hasSize(4);
    }

    @Test
    void semanticRoutingPicksTheTargetWhoseDescriptionIsNearestThePrompt() throws Exception {
        HttpResponse<String> weather = http.post("/semantic",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"questions about the weather\"}]}");
        HttpResponse<String> other = http.post("/semantic",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"a sonnet about autumn\"}]}");

        assertThat(weather.headers().firstValue("x-gateway-target")).contains("1");
        assertThat(other.headers().firstValue("x-gateway-target")).contains("2");
        assertThat(primary.requests()).extracting(r -> r.json().path("model").asText())
                .containsExactly("mistral-small-latest", "mistral-large-latest");
        assertThat(fallback.requests()).as("two descriptions embedded once, then one prompt per request")
                .extracting(r -> r.json().path("input").size()).containsExactly(2, 1, 1);
    }

    @Test
    void consistentHashingSendsEachUserToOneTarget() throws Exception {
        java.util.Map<String, java.util.Set<String>> targetsByUser = new java.util.HashMap<>();
        for (int round = 0; round < 3; round++) {
            // An odd number of users: round-robin (what a missing header falls back to) would move them each round.
            for (String user : java.util.List.of("ann", "bob", "cyd", "dee", "eve")) {
                String target = http.post("/hashed", HELLO, "X-User", user).headers().firstValue("x-gateway-target")
                        .orElseThrow();
                targetsByUser.computeIfAbsent(user, u -> new java.util.HashSet<>()).add(target);
            }
        }

        assertThat(targetsByUser.values()).allSatisfy(targets -> assertThat(targets).hasSize(1));
        assertThat(primary.requests().size() + fallback.requests().size()).isEqualTo(15);
    }

    @Test
    void whenEveryTargetIsOutTheClientGetsA503WithRetryAfter() throws Exception {
        primary.enqueue(FakeReply.error(500, "{\"message\":\"down\"}"));
        fallback.enqueue(FakeReply.error(500, "{\"message\":\"down\"}"));
        HttpResponse<String> first = http.post("/fragile", HELLO);

        HttpResponse<String> second = http.post("/fragile", HELLO);

        assertThat(first.statusCode()).as("the last failure, in the envelope").isEqualTo(500);
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(second.headers().firstValue("retry-after")).hasValueSatisfying(
                value -> assertThat(Integer.parseInt(value)).isBetween(1, 5));
        assertThat(HttpExchanges.error(second).path("code").asText()).isEqualTo("all_targets_unavailable");
        assertThat(primary.requests().size() + fallback.requests().size()).isEqualTo(2);
    }
}
