package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.fakemistral.FakeMistral;
import dev.aigateway.fakemistral.FakeReply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live reload through the admin listener's {@code POST /config}: every route swapped at once, a stream in flight
 * finishing on the configuration it started with, balancer state kept where the targets did not change, and an
 * invalid configuration refused with the old one serving on.
 */
class ConfigReloadTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String HELLO = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String KEY = "sk-reload-test";

    @TempDir
    Path dir;
    private FakeMistral mistral;
    private Gateway gateway;
    private HttpExchanges http;
    private Path file;

    /** A chat route, a pair of targets in rotation, and one more route named {@code extra} at {@code extraPath}. */
    private String config(String extraPath) {
        return """
                server: { host: 127.0.0.1, port: 0, admin: { port: 0 } }
                routes:
                  - name: chat
                    paths: [/v1/chat/completions]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                          model: { provider: mistral, options: { upstream_url: "%2$s/v1/chat/completions" } }
                  - name: pair
                    paths: [/pair]
                    plugins:
                      - name: ai-proxy-advanced
                        config:
                          targets:
                            - { route_type: llm/v1/chat, auth: { header_name: Authorization, header_value: "Bearer %1$s" },
                                model: { provider: mistral, name: a, options: { upstream_url: "%2$s/v1/chat/completions" } } }
                            - { route_type: llm/v1/chat, auth: { header_name: Authorization, header_value: "Bearer %1$s" },
                                model: { provider: mistral, name: b, options: { upstream_url: "%2$s/v1/chat/completions" } } }
                  - name: extra
                    paths: [%3$s]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                          model: { provider: mistral, options: { upstream_url: "%2$s/v1/chat/completions" } }
                """.formatted(KEY, mistral.baseUri(), extraPath);
    }

    @BeforeEach
    void start() throws Exception {
        mistral = FakeMistral.start(KEY);
        file = Files.writeString(dir.resolve("gateway.yaml"), config("/old/chat"));
        ConfigLoader loader = new ConfigLoader(Map.of(), warning -> { });
        gateway = Gateway.start(ConfigSource.of(loader, Optional.of(file)));
        http = new HttpExchanges(gateway.port());
    }

    @AfterEach
    void stop() {
        gateway.close();
        mistral.close();
    }

    private HttpResponse<String> postConfig(String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.adminPort().orElseThrow()
                + "/config")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aReloadSwapsEveryRouteWhileAStreamInFlightFinishesUntouched() throws Exception {
        mistral.paceStreams(Duration.ofMillis(20));
        mistral.enqueue(FakeReply.text("word ".repeat(40).trim()));
        CompletableFuture<HttpResponse<String>> stream = CLIENT.sendAsync(HttpRequest.newBuilder(
                        http.uri("/old/chat")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(HELLO.replace("{", "{\"stream\":true,"))).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(200);

        Files.writeString(file, config("/new/chat"));
        HttpResponse<String> reloaded = postConfig("");

        assertThat(stream.isDone()).as("the stream was still running during the reload").isFalse();
        assertThat(reloaded.statusCode()).isEqualTo(200);
        assertThat(HttpExchanges.JSON.readTree(reloaded.body()).path("generation").asLong()).isEqualTo(2);
        assertThat(http.post("/new/chat", HELLO).statusCode()).isEqualTo(200);
        assertThat(http.post("/old/chat", HELLO).statusCode()).isEqualTo(404);
        HttpResponse<String> streamed = stream.get();
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamed.body()).contains("data: [DONE]").doesNotContain("\"error\"");
        assertThat(streamed.body().lines().filter(line -> line.contains("\"content\":\"word")).count())
                .isEqualTo(40);
    }

    @Test
    void noRequestFailsWhileReloadsSwapTheRoutes() throws Exception {
        AtomicBoolean reloading = new AtomicBoolean(true);
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        Thread traffic = Thread.ofVirtual().start(() -> {
            while (reloading.get()) {
                try {
                    statuses.add(http.post("/v1/chat/completions", HELLO).statusCode());
                } catch (Exception e) {
                    statuses.add(-1);
                }
            }
        });

        for (int i = 0; i < 5; i++) {
            Files.writeString(file, config(i % 2 == 0 ? "/new/chat" : "/old/chat"));
            assertThat(postConfig("").statusCode()).isEqualTo(200);
            Thread.sleep(50);
        }
        reloading.set(false);
        traffic.join();

        assertThat(statuses).hasSizeGreaterThan(5).containsOnly(200);
        assertThat(HttpExchanges.JSON.readTree(postConfig("").body()).path("generation").asLong()).isEqualTo(7);
    }

    @Test
    void balancerStateOfUnchangedTargetsSurvivesAReload() throws Exception {
        String anyModel = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        HttpResponse<String> answer = http.post("/pair", anyModel);
        String first = answer.headers().firstValue("X-Gateway-Target").orElseThrow(() -> new AssertionError(
                answer.statusCode() + " " + answer.body()));

        assertThat(postConfig(config("/new/chat")).statusCode()).isEqualTo(200);
        String second = http.post("/pair", anyModel).headers().firstValue("X-Gateway-Target").orElseThrow();

        assertThat(second).as("the rotation went on where it was").isNotEqualTo(first);
    }

    @Test
    void anInvalidConfigurationIsRefusedNamingTheFieldAndTheOldOneServesOn() throws Exception {
        HttpResponse<String> refused = postConfig(config("/new/chat").replaceFirst("llm/v1/chat\n",
                "llm/v1/chats\n"));
        Files.writeString(file, "routes: []");
        ConfigReloadOutcome fromFile = new ConfigReloadOutcome(gateway.reload());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(HttpExchanges.error(refused).path("message").asText())
                .contains("routes[0].plugins[0].config.route_type");
        assertThat(fromFile.applied()).isFalse();
        assertThat(fromFile.message()).contains("routes must list at least one route");
        assertThat(http.post("/old/chat", HELLO).statusCode()).isEqualTo(200);
        String metrics = http.get("/metrics").body();
        assertThat(metrics).contains("gateway_config_generation 1.0", "gateway_config_reloads_refused_total 2.0",
                "gateway_config_last_reload_success 0.0");
    }

    /** The outcome's fields, read once. */
    private record ConfigReloadOutcome(boolean applied, String message) {
        ConfigReloadOutcome(dev.aigateway.ports.ConfigReload.Outcome outcome) {
            this(outcome.applied(), outcome.message());
        }
    }

    @Test
    void theAdminListenerIsOnLoopbackAndAnswersNothingElse() throws Exception {
        HttpResponse<String> other = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + gateway.adminPort().orElseThrow() + "/v1/chat/completions")).POST(HttpRequest.BodyPublishers
                .ofString(HELLO, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(http.post("/config", "").statusCode()).as("not on the public listener").isEqualTo(404);
    }
}
