package dev.aigateway.app;

import static dev.aigateway.app.ConsumersTest.HELLO;
import static dev.aigateway.app.ConsumersTest.LIMIT;
import static dev.aigateway.app.ConsumersTest.RESERVED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.fakemistral.FakeMistral;
import dev.aigateway.fakemistral.FakeReply;
import dev.aigateway.fakemistral.RecordedRequest;
import dev.aigateway.redistest.RedisServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateway processes sharing one real redis-server: a consumer's tokens count the same through either, a burst
 * split between them admits only what fits, and while Redis is down each route does what its {@code fail_open} says.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedLimitsProcessTest {
    private static final String PROVIDER_KEY = "sk-provider-shared-0123";

    @TempDir
    static Path dir;
    private static RedisServer redis;
    private static FakeMistral mistral;
    private static final List<Process> processes = new ArrayList<>();
    private static final List<Path> outputs = new ArrayList<>();
    private static final List<HttpExchanges> instances = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.start();
        mistral = FakeMistral.start(PROVIDER_KEY);
        String sharedLimits = "strategy: redis\n          redis: { host: 127.0.0.1, port: " + redis.port()
                + ", timeout: 1000 }";
        String openRoute = """
                  - name: open-when-redis-is-down
                    paths: [/open/chat]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          auth: { header_name: Authorization, header_value: "Bearer %s" }
                          model: { provider: mistral, options: { upstream_url: "%s/v1/chat/completions" } }
                      - name: ai-rate-limiting-advanced
                        config:
                          strategy: redis
                          fail_open: true
                          redis: { host: 127.0.0.1, port: %d, timeout: 1000 }
                          policies: [{ match: [{ type: consumer, partition_by: true }],
                                       limits: [{ limit: 1000, window_size: 60 }] }]
                """.formatted(PROVIDER_KEY, mistral.baseUri(), redis.port());
        Path config = Files.writeString(dir.resolve("gateway.yaml"),
                ConsumersTest.config(mistral, PROVIDER_KEY, sharedLimits) + openRoute);
        for (int i = 0; i < 2; i++) {
            Path output = dir.resolve("gateway-" + i + ".log");
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), config.toString());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().remove("SERVER_PORT");
            processes.add(builder.start());
            outputs.add(output);
        }
        for (Path output : outputs) {
            instances.add(new HttpExchanges(listeningPort(output)));
        }
    }

    @AfterAll
    static void stop() {
        processes.forEach(Process::destroyForcibly);
        if (mistral != null) {
            mistral.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    private static HttpResponse<String> chat(int instance, String key) throws Exception {
        return instances.get(instance).post("/v1/chat/completions", HELLO, "Authorization", "Bearer " + key);
    }

    @Test
    @Order(1)
    void aMissingOrWrongKeyIs401OnBothInstances() throws Exception {
        for (HttpExchanges instance : instances) {
            assertThat(instance.post("/v1/chat/completions", HELLO).statusCode()).isEqualTo(401);
            assertThat(instance.post("/v1/chat/completions", HELLO, "Authorization", "Bearer nope").statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    @Order(2)
    void aConsumersTokensCountTheSameThroughEitherInstance() throws Exception {
        HttpResponse<String> first = chat(0, "key-a");
        HttpResponse<String> second = chat(1, "key-a");
        HttpResponse<String> third = chat(0, "key-a");
        HttpResponse<String> fourth = chat(1, "key-a");
        HttpResponse<String> other = chat(1, "key-b");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("X-AI-RateLimit-Remaining-3600-0"))
                .contains(Integer.toString(LIMIT - FakeMistral.TOTAL_TOKENS - RESERVED));
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(other.statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aBurstSplitBetweenTheInstancesAdmitsOnlyWhatFits() throws Exception {
        for (int i = 0; i < 10; i++) {
            mistral.enqueue(new FakeReply.Delay(Duration.ofMillis(500), FakeReply.text("slow")));
        }
        List<Integer> statuses = ConsumersTest.statusesInParallel(10, i -> chat(i % 2, "key-c").statusCode());

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(LIMIT / RESERVED);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(10 - LIMIT / RESERVED);
    }

    @Test
    @Order(4)
    void whileRedisIsDownEachRouteFailsAsConfiguredAndCountingResumesWhenItIsBack() throws Exception {
        redis.stop();
        try {
            for (int instance = 0; instance < 2; instance++) {
                long started = System.nanoTime();
                HttpResponse<String> closed = chat(instance, "key-d");
                HttpResponse<String> open = instances.get(instance).post("/open/chat", HELLO, "Authorization",
                        "Bearer key-d");

                assertThat(closed.statusCode()).isEqualTo(503);
                assertThat(HttpExchanges.error(closed).path("code").asText()).isEqualTo("limits_unavailable");
                assertThat(closed.headers().firstValue("Retry-After")).contains("1");
                assertThat(open.statusCode()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            }
        } finally {
            redis.startAgain();
        }
        int status = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (status != 200 && System.nanoTime() < deadline) {
            status = chat(0, "key-d").statusCode();
            Thread.sleep(200);
        }
        assertThat(status).isEqualTo(200);
        String metrics = instances.get(1).get("/metrics").body();
        assertThat(metrics).containsPattern("gateway_token_limits_unavailable_total\\{route=\"chat\"} [1-9]")
                .containsPattern("gateway_token_limits_unavailable_total\\{route=\"open-when-redis-is-down\"} [1-9]");
    }

    @Test
    @Order(5)
    void noConsumerKeyReachedTheUpstreamOrAnyLogLine() throws IOException {
        for (RecordedRequest sent : mistral.requests()) {
            assertThat(sent.header("authorization")).contains("Bearer " + PROVIDER_KEY);
            assertThat(sent.headers().toString() + sent.path() + sent.bodyText())
                    .doesNotContain("key-a", "key-b", "key-c", "key-d");
        }
        for (Path output : outputs) {
            String logged = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(logged).contains("Redis at 127.0.0.1:" + redis.port() + " is unavailable")
                    .doesNotContain("key-a", "key-b", "key-c", "key-d", PROVIDER_KEY);
        }
    }

    private static int listeningPort(Path output) throws Exception {
        Pattern started = Pattern.compile("listening on port (\\d+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher port = started.matcher(Files.readString(output, StandardCharsets.UTF_8));
            if (port.find()) {
                return Integer.parseInt(port.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the gateway did not start:\n" + Files.readString(output, StandardCharsets.UTF_8));
    }
}
