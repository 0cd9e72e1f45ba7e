package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.aigateway.redistest.RedisServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/gateway}, the default launch ({@code ./run.sh} ends in it), on the jar the build packaged: it runs with
 * the serial collector and a 160 MiB heap, as its own {@code /metrics} say; on a config with shared limits it
 * connects to Redis at start without a warning from the JDK; and the training run that makes its AOT cache answers
 * every request it sends. Runs after packaging (failsafe).
 */
class LauncherIT {
    private static final Pattern PORT = Pattern.compile("gateway listening on port (\\d+)");

    @Test
    void theDefaultLaunchRunsWithTheProductionJvmSettings() throws Exception {
        Process process = launch();
        try {
            int port = portOf(process, new StringBuilder());
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();

            assertThat(metrics).as("the serial collector's pools").contains("id=\"Tenured Gen\"")
                    .contains("id=\"Eden Space\"");
            double heapMax = sumOf(metrics, "jvm_memory_max_bytes\\{area=\"heap\",id=\"[^\"]+\"\\} (\\S+)");
            assertThat(heapMax / (1024 * 1024)).as("max heap in MiB").isBetween(140.0, 161.0);
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aConfigWithSharedLimitsConnectsToRedisAtStartWithoutJdkWarnings(@TempDir Path dir) throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            Path config = Files.writeString(dir.resolve("gateway.yaml"), """
                    consumers:
                      - { username: team-a, keyauth_credentials: [{ key: launcher-consumer-key }] }
                    routes:
                      - name: guarded
                        paths: [/v1/chat/completions]
                        plugins:
                          - { name: key-auth, config: { key_names: [authorization] } }
                          - { name: ai-proxy, config: { route_type: llm/v1/chat,
                              auth: { header_name: Authorization, header_value: "Bearer ${MISTRAL_API_KEY}" },
                              model: { provider: mistral, options: { upstream_url: "http://127.0.0.1:9/v1/chat" } } } }
                          - { name: ai-rate-limiting-advanced, config: { strategy: redis,
                              redis: { host: 127.0.0.1, port: %d },
                              policies: [{ match: [{ type: consumer, partition_by: true }],
                                           limits: [{ limit: 1000, window_size: 60 }] }] } }
                    """.formatted(redis.port()));
            Process process = launch(config.toString());
            try {
                StringBuilder seen = new StringBuilder();
                portOf(process, seen);

                assertThat(seen).as("the JDK's warning about Netty's native epoll library")
                        .doesNotContain("restricted method");
                assertThat(seen).as("an outage logged at start").doesNotContain("is unavailable");
            } finally {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theTrainingRunIsAnsweredOnEveryRequestAndWritesTheCache(@TempDir Path dir) throws Exception {
        Path cache = dir.resolve("gateway.aot");
        ProcessBuilder builder = new ProcessBuilder(Path.of("..", "scripts", "aot-train.sh").toAbsolutePath()
                .normalize().toString(), cache.toString()).redirectErrorStream(true);
        builder.environment().put("AOT_TRAINING_SECONDS", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assumeFalse(output.contains("this JDK makes no AOT cache"), "a JDK before 25 makes no cache");

        Matcher answered = Pattern.compile("training requests: (\\d+) answered 2xx, (\\d+) not").matcher(output);
        assertThat(answered.find()).as(output).isTrue();
        assertThat(Integer.parseInt(answered.group(1))).as("answered requests").isPositive();
        assertThat(Integer.parseInt(answered.group(2))).as("failed requests").isZero();
        assertThat(output).doesNotContain("warning");
        assertThat(Files.size(cache)).as("the cache").isPositive();
    }

    /** {@code bin/gateway} with these arguments, on a free port, with no cache and no settings from outside. */
    private static Process launch(String... arguments) throws Exception {
        Path launcher = Path.of("..", "bin", "gateway").toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SERVER_PORT", "0");
        builder.environment().put("SERVER_HOST", "127.0.0.1");
        builder.environment().put("MISTRAL_API_KEY", "sk-launcher-test-0123456789");
        // Whether a cache exists depends on what ran before; the settings under test do not.
        builder.environment().put("GATEWAY_AOT", "/nonexistent");
        builder.environment().remove("GATEWAY_HEAP");
        builder.environment().remove("GATEWAY_JAVA_OPTS");
        return builder.start();
    }

    /** Reads the process's output until it listens, noting each line in {@code seen}; returns its port. */
    private static int portOf(Process process, StringBuilder seen) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher port = PORT.matcher(line);
            if (port.find()) {
                return Integer.parseInt(port.group(1));
            }
        }
        throw new AssertionError("bin/gateway exited before it listened:\n" + seen);
    }

    private static double sumOf(String metrics, String sample) {
        Matcher values = Pattern.compile(sample).matcher(metrics);
        double sum = 0;
        while (values.find()) {
            sum += Double.parseDouble(values.group(1));
        }
        return sum;
    }
}
