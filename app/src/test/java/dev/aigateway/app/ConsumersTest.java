package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.fakemistral.FakeMistral;
import dev.aigateway.fakemistral.FakeReply;
import dev.aigateway.fakemistral.RecordedRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Consumers end to end: key-auth (the global plugin) and acl before anything goes upstream, the consumer in the log
 * line and the metrics, and token limits reserved before the call and settled on the provider's usage.
 */
class ConsumersTest {
    private static final String PROVIDER_KEY = "sk-provider-0123456789";
    /** "hi" is estimated at 1 token plus 4 for its message; with max_tokens 10, a request reserves 15. */
    static final String HELLO = "{\"model\":\"m\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"hi\"}]}";
    static final int RESERVED = 15;
    static final int LIMIT = 2 * FakeMistral.TOTAL_TOKENS;

    private FakeMistral mistral;
    private Gateway gateway;
    private HttpExchanges http;
    private AnalyticsLog analytics;

    /**
     * Five consumers (four in group chat), key-auth on every route, a chat route for the group with a per-consumer
     * limit of {@link #LIMIT} tokens an hour, and an embeddings route for any consumer.
     *
     * @param limitsStrategy the limit's {@code strategy} line, and more lines at its indentation if needed
     */
    static String config(FakeMistral mistral, String providerKey, String limitsStrategy) {
        return """
                server: { host: 127.0.0.1, port: 0 }
                consumers:
                  - username: team-a
                    keyauth_credentials: [{ key: key-a }]
                    acls: [{ group: chat }]
                  - username: team-b
                    keyauth_credentials: [{ key: key-b }]
                    acls: [{ group: chat }]
                  - username: team-c
                    keyauth_credentials: [{ key: key-c }]
                    acls: [{ group: chat }]
                  - username: team-d
                    keyauth_credentials: [{ key: key-d }]
                    acls: [{ group: chat }]
                  - username: outsider
                    keyauth_credentials: [{ key: key-x }]
                plugins:
                  - name: key-auth
                    config: { key_names: [authorization, apikey] }
                routes:
                  - name: chat
                    paths: [/v1/chat/completions]
                    plugins:
                      - name: acl
                        config: { allow: [chat] }
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          auth: { header_name: Authorization, header_value: "Bearer %2$s" }
                          logging: { log_statistics: true }
                          model: { provider: mistral, options: { upstream_url: "%1$s/v1/chat/completions" } }
                      - name: ai-rate-limiting-advanced
                        config:
                          %3$s
                          policies:
                            - match: [{ type: consumer, partition_by: true }]
                              limits: [{ limit: %4$d, window_size: 3600 }]
                  - name: embeddings
                    paths: [/v1/embeddings]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/embeddings
                          auth: { header_name: Authorization, header_value: "Bearer %2$s" }
                          model: { provider: mistral, options: { upstream_url: "%1$s" } }
                """.formatted(mistral.baseUri(), providerKey, limitsStrategy, LIMIT);
    }

    @BeforeEach
    void start() {
        mistral = FakeMistral.start(PROVIDER_KEY);
        gateway = TestGateways.start(config(mistral, PROVIDER_KEY, "strategy: local"));
        http = new HttpExchanges(gateway.port());
        analytics = AnalyticsLog.capture();
    }

    @AfterEach
    void stop() {
        analytics.close();
        gateway.close();
        mistral.close();
    }

    private HttpResponse<String> chat(String key) throws Exception {
        return http.post("/v1/chat/completions", HELLO, "Authorization", "Bearer " + key);
    }

    @Test
    void aMissingOrUnknownKeyIs401AndNothingGoesUpstream() throws Exception {
        HttpResponse<String> none = http.post("/v1/chat/completions", HELLO);
        HttpResponse<String> wrong = chat("key-z");
        HttpResponse<String> providerKey = chat(PROVIDER_KEY);

        for (HttpResponse<String> answer : List.of(none, wrong, providerKey)) {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(HttpExchanges.error(answer).path("code").asText()).isEqualTo("invalid_api_key");
            assertThat(answer.body()).doesNotContain("key-z", PROVIDER_KEY);
        }
        assertThat(HttpExchanges.error(none).path("message").asText())
                .isEqualTo("no API key found in request; send it as authorization or apikey");
        assertThat(mistral.requests()).isEmpty();
    }

    @Test
    void anSdkStyleBearerKeyAuthenticatesAndOnlyTheProviderKeyGoesUpstream() throws Exception {
        HttpResponse<String> answer = chat("key-a");
        HttpResponse<String> byQuery = http.post("/v1/embeddings?apikey=key-b",
                "{\"model\":\"mistral-embed\",\"input\":\"x\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(byQuery.statusCode()).as(byQuery.body()).isEqualTo(200);
        for (RecordedRequest sent : mistral.requests()) {
            assertThat(sent.header("authorization")).contains("Bearer " + PROVIDER_KEY);
            assertThat(sent.path()).doesNotContain("key-");
            assertThat(sent.headers().toString() + sent.bodyText()).doesNotContain("key-a", "key-b");
        }
    }

    @Test
    void aConsumerOutsideTheRoutesGroupsIs403ThereAndServedElsewhere() throws Exception {
        HttpResponse<String> chat = chat("key-x");
        HttpResponse<String> embeddings = http.post("/v1/embeddings", "{\"model\":\"mistral-embed\",\"input\":\"x\"}",
                "apikey", "key-x");

        assertThat(chat.statusCode()).isEqualTo(403);
        assertThat(HttpExchanges.error(chat).path("code").asText()).isEqualTo("permission_denied");
        assertThat(embeddings.statusCode()).isEqualTo(200);
    }

    @Test
    void aConsumerIsRefusedOnceItsWindowIsUsedAndOthersAreNot() throws Exception {
        HttpResponse<String> first = chat("key-a");
        HttpResponse<String> second = chat("key-a");
        HttpResponse<String> third = chat("key-a");
        HttpResponse<String> other = chat("key-b");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-AI-RateLimit-Limit-3600-0")).contains(Integer.toString(LIMIT));
        assertThat(first.headers().firstValue("X-AI-RateLimit-Remaining-3600-0"))
                .contains(Integer.toString(LIMIT - RESERVED));
        assertThat(second.headers().firstValue("X-AI-RateLimit-Remaining-3600-0"))
                .contains(Integer.toString(LIMIT - FakeMistral.TOTAL_TOKENS - RESERVED));
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(HttpExchanges.error(third).path("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        assertThat(third.headers().firstValue("X-AI-RateLimit-Remaining-3600-0")).contains("0");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(mistral.requests()).hasSize(3);
    }

    @Test
    void aBurstOfParallelRequestsAdmitsOnlyWhatFits() throws Exception {
        for (int i = 0; i < 10; i++) {
            mistral.enqueue(new FakeReply.Delay(Duration.ofMillis(400), FakeReply.text("slow")));
        }
        List<Integer> statuses = statusesInParallel(10, i -> chat("key-c").statusCode());

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(LIMIT / RESERVED);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(10 - LIMIT / RESERVED);
    }

    /** The statuses of {@code count} requests sent at once, the i-th by {@code request.call(i)}. */
    static List<Integer> statusesInParallel(int count, IntRequest request) throws Exception {
        List<Callable<Integer>> burst = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            burst.add(() -> request.call(index));
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            for (Future<Integer> status : pool.invokeAll(burst)) {
                statuses.add(status.get());
            }
        }
        return statuses;
    }

    /** The i-th request of a burst, answering its status. */
    @FunctionalInterface
    interface IntRequest {
        int call(int index) throws Exception;
    }

    @Test
    void aStreamCutMidwayIsChargedWhatItUsed() throws Exception {
        mistral.enqueue(new FakeReply.Reset("one two three four", 2));
        HttpResponse<String> cut = http.post("/v1/chat/completions", HELLO.replace("{", "{\"stream\":true,"),
                "Authorization", "Bearer key-d");
        long chunks = cut.body().lines().filter(line -> line.startsWith("data: {\"id\"")).count();

        HttpResponse<String> next = chat("key-d");

        assertThat(cut.body()).contains("\"error\"").doesNotContain("[DONE]");
        assertThat(chunks).isPositive();
        long charged = 5 + chunks;
        assertThat(next.headers().firstValue("X-AI-RateLimit-Remaining-3600-0"))
                .contains(Long.toString(LIMIT - charged - RESERVED));
    }

    @Test
    void consumerKeysAppearInNoLogRecordAtAnyLevel() throws Exception {
        try (AnalyticsLog all = AnalyticsLog.everything()) {
            chat("key-a");
            chat("key-z");
            http.post("/v1/embeddings?apikey=key-b", "{\"model\":\"mistral-embed\",\"input\":\"x\"}");
            http.post("/v1/embeddings", "{\"model\":\"mistral-embed\",\"input\":\"x\"}", "apikey", "key-x");

            assertThat(all.lines()).isNotEmpty();
            assertThat(String.join("\n", all.lines())).doesNotContain("key-a", "key-b", "key-x", "key-z",
                    PROVIDER_KEY);
        }
    }

    @Test
    void theConsumerIsInTheLogLineAndTheMetrics() throws Exception {
        chat("key-a");

        JsonNode line = HttpExchanges.JSON.readTree(analytics.awaitLines(1).get(0));
        String metrics = http.get("/metrics").body();

        assertThat(line.at("/consumer/username").asText()).isEqualTo("team-a");
        assertThat(metrics).containsPattern("ai_llm_requests_total\\{[^}]*consumer=\"team-a\"")
                .containsPattern("gen_ai_client_token_usage_count\\{[^}]*consumer=\"team-a\"");
        assertThat(String.join("\n", analytics.lines())).doesNotContain("key-a");
    }
}
