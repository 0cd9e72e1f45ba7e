package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.adapters.otel.OtlpReceiver;
import dev.aigateway.fakemistral.FakeMistral;
import dev.aigateway.fakemistral.FakeReply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Main} as a user runs it: its own JVM, its exit codes and what it prints. */
class MainProcessTest {
    private static final String SHUTDOWN_KEY = "sk-shutdown-0123456789";

    @TempDir
    Path dir;

    @Test
    void startsOnTheEmbeddedDefaultAndLogsItsStartupTime() throws Exception {
        Process process = start(List.of(), Map.of("SERVER_PORT", "0", "MISTRAL_API_KEY", "sk-never-logged-12345678"));
        try {
            String started = readUntil(process, "gateway listening on port");
            assertThat(started).containsPattern("started in \\d+ ms");
            assertThat(started).doesNotContain("12345678");
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void serverPortFromTheEnvironmentOverridesAConfigFileAndTheStartLineSaysSo() throws Exception {
        Path config = Files.writeString(dir.resolve("fixed-port.yaml"), """
                server: { host: 127.0.0.1, port: 1 }
                routes:
                  - name: chat
                    paths: [/v1/chat/completions]
                    plugins:
                      - name: ai-proxy
                        config: { route_type: llm/v1/chat, model: { provider: mistral } }
                """);
        Process process = start(List.of(config.toString()), Map.of("SERVER_PORT", "0"));
        try {
            assertThat(readUntil(process, "gateway listening on port"))
                    .contains("host from the config, port from SERVER_PORT");
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void sighupReloadsTheConfigFile() throws Exception {
        try (FakeMistral mistral = FakeMistral.start("sk-hup")) {
            Path config = Files.writeString(dir.resolve("reloaded.yaml"), TestGateways.yaml(mistral, "", ""));
            Process process = start(List.of(config.toString()), Map.of("MISTRAL_API_KEY", "sk-hup"));
            try {
                HttpExchanges http = new HttpExchanges(listeningPort(process));
                String hello = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
                assertThat(http.post("/hup/chat", hello).statusCode()).isEqualTo(404);
                Files.writeString(config, TestGateways.yaml(mistral, "", """
                          - name: added
                            paths: [/hup/chat]
                            plugins:
                              - name: ai-proxy
                                config:
                                  route_type: llm/v1/chat
                                  auth: { header_name: Authorization, header_value: "Bearer ${MISTRAL_API_KEY}" }
                                  model: { provider: mistral, options: { upstream_url: "%s/v1/chat/completions" } }
                        """.formatted(mistral.baseUri())));

                new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).start().waitFor();

                int status = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (status != 200 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                    status = http.post("/hup/chat", hello).statusCode();
                }
                assertThat(status).isEqualTo(200);
                assertThat(http.post("/v1/chat/completions", hello).statusCode()).isEqualTo(200);
            } finally {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theStandardOtelVariablesTurnTracingOnAndConfigureIt() throws Exception {
        try (OtlpReceiver collector = new OtlpReceiver(); FakeMistral mistral = FakeMistral.start("sk-otel-env-0123")) {
            Process process = start(List.of(), Map.of("SERVER_PORT", "0", "MISTRAL_API_KEY", "sk-otel-env-0123",
                    "MISTRAL_BASE_URL", mistral.baseUri().toString().replaceAll("/$", ""),
                    "OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(), "OTEL_SERVICE_NAME", "gateway-from-env",
                    "OTEL_BSP_SCHEDULE_DELAY", "20"));
            try {
                Matcher port = Pattern.compile("listening on port (\\d+)").matcher(readUntil(process,
                        "gateway listening on port"));
                assertThat(port.find()).isTrue();
                HttpResponse<String> answer = new HttpExchanges(Integer.parseInt(port.group(1))).post(
                        "/v1/chat/completions", "{\"model\":\"mistral-small-latest\",\"messages\":[{\"role\":"
                                + "\"user\",\"content\":\"hi\"}]}");

                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(collector.await(2, span -> true, Duration.ofSeconds(10)))
                        .hasSizeGreaterThanOrEqualTo(2)
                        .allSatisfy(span -> assertThat(span.serviceName()).isEqualTo("gateway-from-env"));
            } finally {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void exitsWithStatus2AndTheFieldNameOnABadConfig() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.yaml"), """
                routes:
                  - name: chat
                    paths: [/v1/chat/completions]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          model: { provider: mistral, options: { temperature: hot } }
                """);

        Process process = start(List.of(config.toString()), Map.of());

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output(process)).contains("routes[0].plugins[0].config.model.options.temperature");
    }

    @Test
    void exitsWithStatus2OnAnUnknownProvider() throws Exception {
        Path config = Files.writeString(dir.resolve("provider.yaml"), """
                server: { port: 0 }
                routes:
                  - name: chat
                    paths: [/v1/chat/completions]
                    plugins:
                      - name: ai-proxy
                        config: { route_type: llm/v1/chat, model: { provider: anthropic } }
                """);

        Process process = start(List.of(config.toString()), Map.of());

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output(process)).contains("unknown provider 'anthropic'")
                .contains("known providers: mistral, ollama, openai");
    }

    @Test
    void exitsNonZeroWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path config = Files.writeString(dir.resolve("taken.yaml"), """
                    server: { host: 127.0.0.1, port: %d }
                    routes:
                      - name: chat
                        paths: [/v1/chat/completions]
                        plugins:
                          - name: ai-proxy
                            config: { route_type: llm/v1/chat, model: { provider: mistral } }
                    """.formatted(taken.getLocalPort()));

            Process process = start(List.of(config.toString()), Map.of());

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(output(process)).contains("could not listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void onSigtermStreamsInFlightFinishWithDoneAndReadinessTurnsDown() throws Exception {
        try (FakeMistral mistral = FakeMistral.start(SHUTDOWN_KEY)) {
            mistral.enqueue(FakeReply.text("one two three four five six seven eight nine ten"));
            mistral.paceStreams(Duration.ofMillis(150));
            Path config = config("shutdown.yaml", "", mistral);
            Process process = start(List.of(config.toString()), Map.of("MISTRAL_API_KEY", SHUTDOWN_KEY));
            int port = listeningPort(process);
            HttpExchanges http = new HttpExchanges(port);
            assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);
            assertThat(http.get("/health/live").statusCode()).isEqualTo(200);

            String received = streamThroughSigterm(port, "one", process);

            assertThat(received).contains("\"content\":\"ten\"").contains("data: [DONE]");
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void streamsStillRunningWhenTheGraceEndsGetAShutdownErrorEventWithoutDone() throws Exception {
        try (FakeMistral mistral = FakeMistral.start(SHUTDOWN_KEY)) {
            mistral.enqueue(FakeReply.text("word ".repeat(80).trim()));
            mistral.paceStreams(Duration.ofMillis(100));
            Path config = config("grace.yaml", "shutdown_grace_seconds: 1", mistral);
            Process process = start(List.of(config.toString()), Map.of("MISTRAL_API_KEY", SHUTDOWN_KEY));
            int port = listeningPort(process);

            long signalled = System.nanoTime();
            String received = streamThroughSigterm(port, "word", process);

            assertThat(received).contains("\"code\":\"shutting_down\"").doesNotContain("[DONE]");
            assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(5));
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** A config file with the test routes to {@code mistral}, on a free port, with extra server settings. */
    private Path config(String name, String serverSettings, FakeMistral mistral) throws IOException {
        return Files.writeString(dir.resolve(name), TestGateways.yaml(mistral, serverSettings, ""));
    }

    /** Waits for the gateway's start line and returns the port it names. */
    private static int listeningPort(Process process) throws IOException {
        java.util.regex.Matcher port = java.util.regex.Pattern.compile("listening on port (\\d+)")
                .matcher(readUntil(process, "gateway listening on port"));
        assertThat(port.find()).isTrue();
        return Integer.parseInt(port.group(1));
    }

    /**
     * Streams a chat through the gateway on {@code port}, sends SIGTERM to {@code process} once a chunk with
     * {@code firstWord} arrived, and returns everything the client received until the stream ended.
     */
    private static String streamThroughSigterm(int port, String firstWord, Process process) throws IOException {
        String body = "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        StringBuilder received = new StringBuilder();
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: "
                    + "application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            BufferedReader lines = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null && !line.contains("\"content\":\"" + firstWord)) {
                received.append(line).append('\n');
            }
            process.destroy();
            while ((line = lines.readLine()) != null && !line.equals("0")) {
                received.append(line).append('\n');
            }
        }
        return received.toString();
    }

    private static Process start(List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("MISTRAL_API_KEY");
        builder.environment().remove("SERVER_PORT");
        builder.environment().putAll(env);
        return builder.start();
    }

    private static String readUntil(Process process, String marker) throws IOException {
        StringBuilder seen = new StringBuilder();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.contains(marker)) {
                return seen.toString();
            }
        }
        throw new AssertionError("the gateway exited before logging '" + marker + "':\n" + seen);
    }

    private static String output(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
