package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/gateway}, the default launch ({@code ./run.sh} ends in it), on the jar the build packaged: it runs with
 * the serial collector and a 160 MiB heap, as its own {@code /metrics} say; and the training run that makes its AOT
 * cache answers every request it sends. Runs after packaging (failsafe).
 */
class LauncherIT {
    private static final Pattern PORT = Pattern.compile("gateway listening on port (\\d+)");

    @Test
    void theDefaultLaunchRunsWithTheProductionJvmSettings() throws Exception {
        Path launcher = Path.of("..", "bin", "gateway").toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder(launcher.toString()).redirectErrorStream(true);
        builder.environment().put("SERVER_PORT", "0");
        builder.environment().put("SERVER_HOST", "127.0.0.1");
        builder.environment().put("MISTRAL_API_KEY", "sk-launcher-test-0123456789");
        // Whether a cache exists depends on what ran before; the settings under test do not.
        builder.environment().put("GATEWAY_AOT", "/nonexistent");
        builder.environment().remove("GATEWAY_HEAP");
        builder.environment().remove("GATEWAY_JAVA_OPTS");
        Process process = builder.start();
        try {
            int port = portOf(process);
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

    private static int portOf(Process process) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
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
