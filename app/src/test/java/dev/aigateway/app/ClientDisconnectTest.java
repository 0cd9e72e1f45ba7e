package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.fakemistral.FakeReply;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that leaves mid-stream releases the upstream stream at once, not when Mistral finishes; during long
 * upstream silences heartbeats keep the stream visibly alive.
 */
class ClientDisconnectTest {
    private static final String KEY = "sk-disconnect-0123456789";

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey(KEY)
            .serverSettings("sse_heartbeat_seconds: 1");

    @Test
    void theUpstreamConnectionClosesWithin500msOfTheClientLeaving() throws Exception {
        fixture.mistral().enqueue(FakeReply.text("word ".repeat(100).trim()));
        fixture.mistral().paceStreams(Duration.ofMillis(50));
        String body = "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        long left;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), fixture.port())) {
            socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            BufferedReader lines = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null && !line.contains("\"content\":\"word")) {
                // read up to the first content event
            }
            left = System.nanoTime();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (fixture.mistral().streamAbortedNanos().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(fixture.mistral().streamAbortedNanos()).as("the fake saw its stream cut").hasSize(1);
        Duration afterLeaving = Duration.ofNanos(fixture.mistral().streamAbortedNanos().get(0) - left);
        assertThat(afterLeaving).isLessThan(Duration.ofMillis(500));
        assertThat(fixture.mistral().eventSentNanos().size()).isLessThan(50);
        assertThat(openStreams()).as("the departed client's stream no longer counts as open").isEqualTo(0);
    }

    /** The {@code gateway_open_streams} gauge, once it has settled (the handler unwinds just after the abort). */
    private double openStreams() throws Exception {
        double open = -1;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (open != 0 && System.nanoTime() < deadline) {
            open = fixture.http().get("/metrics").body().lines()
                    .filter(line -> line.startsWith("gateway_open_streams "))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
                    .findFirst().orElseThrow();
            Thread.sleep(10);
        }
        return open;
    }

    @Test
    void aLongUpstreamSilenceIsFilledWithHeartbeatCommentsAndTheStreamStillEndsWell() throws Exception {
        fixture.mistral().enqueue(new FakeReply.Stall("one two three", 2, Duration.ofMillis(2500)));

        java.net.http.HttpResponse<String> response = fixture.http().post("/v1/chat/completions",
                "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.body()).contains(": keep-alive\n\n").endsWith("data: [DONE]\n\n");
        assertThat(response.body().indexOf(": keep-alive")).isGreaterThan(response.body().indexOf("one "))
                .isLessThan(response.body().indexOf("three"));
    }
}
