package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Runs the npm SDK test scripts in {@code clients/node} against a gateway, and checks that all of them passed. */
final class NodeClients {
    private static final List<String> EMBEDDING_INPUTS = List.of("alpha", "beta");

    private NodeClients() { }

    /**
     * @param gatewayUrl the gateway's address, to which the scripts add {@code /v1}
     * @param expected what the fake upstream answers, and the models to ask it for, as JSON (see {@code expected.mjs})
     * @param tests how many tests the scripts hold: all must pass
     */
    static void run(String gatewayUrl, String expected, int tests, String... scripts) throws Exception {
        Path clients = Path.of(System.getProperty("clients.node.dir", "../clients/node")).toAbsolutePath();
        assertThat(clients.resolve("node_modules/openai")).as("npm packages missing: run 'npm ci' in " + clients
                + " (./test.sh does)").isDirectory();
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-reporter=spec"));
        command.addAll(List.of(scripts));
        ProcessBuilder node = new ProcessBuilder(command).directory(clients.toFile()).redirectErrorStream(true);
        node.environment().put("GATEWAY_URL", gatewayUrl);
        node.environment().put("EXPECTED", expected);
        Process process = node.start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = output(process);
        if (!finished) {
            process.destroyForcibly();
        }

        assertThat(finished).as("node tests finished in time:\n" + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("pass " + tests).contains("fail 0");
    }

    /**
     * What the scripts expect of a fake upstream, as {@code expected.mjs} reads it.
     *
     * @param vectors the fake's vector for an input text, 8 dimensions
     */
    static String expected(String answer, int promptTokens, int completionTokens, String chatModel,
                           String embeddingModel, String toolChoice, Function<String, double[]> vectors)
            throws IOException {
        ObjectNode expected = HttpExchanges.JSON.createObjectNode().put("answer", answer).put("chatModel", chatModel)
                .put("embeddingModel", embeddingModel).put("toolChoice", toolChoice);
        expected.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        ArrayNode inputs = expected.putArray("embeddingInputs");
        ArrayNode vectorsOut = expected.putArray("vectors");
        for (String input : EMBEDDING_INPUTS) {
            inputs.add(input);
            ArrayNode vector = vectorsOut.addArray();
            for (double value : vectors.apply(input)) {
                vector.add(value);
            }
        }
        return HttpExchanges.JSON.writeValueAsString(expected);
    }

    private static String output(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
