package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.fakemistral.FakeReply;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a client sees when Mistral fails, and that no request is ever sent twice. */
class UpstreamFaultsTest {
    private static final String KEY = "sk-faults-0123456789";
    private static final String HELLO = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String STREAM = HELLO.replace("{", "{\"stream\":true,");

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey(KEY).routes(mistral -> """
                  - name: impatient
                    paths: [/impatient]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          auth: { header_name: Authorization, header_value: "Bearer %1$s" }
                          model: { provider: mistral, options: { upstream_url: "%2$s" } }
                          timeouts: { read_timeout: 700, stream_idle_timeout: 500 }
                  - name: refused
                    paths: [/refused]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          model: { provider: mistral, options: { upstream_url: "http://127.0.0.1:%3$d" } }
                  - name: nowhere
                    paths: [/nowhere]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          model: { provider: mistral, options: { upstream_url: "http://no-such-host.invalid" } }
                """.formatted(KEY, mistral.baseUri(), closedPort()));

    /** A port nothing listens on: bound for a moment, then let go. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aRefusedConnectionIsA502Quickly() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = fixture.http().post("/refused", HELLO);

        assertUpstreamError(response, 502, "upstream_unreachable");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(response.body()).doesNotContain("127.0.0.1");
    }

    @Test
    void anUnknownHostIsA502() throws Exception {
        HttpResponse<String> response = fixture.http().post("/nowhere", HELLO);

        assertUpstreamError(response, 502, "upstream_unreachable");
        assertThat(response.body()).doesNotContain("no-such-host");
    }

    @Test
    void noFirstByteWithinTheReadTimeoutIsA504() throws Exception {
        fixture.mistral().enqueue(new FakeReply.Delay(Duration.ofSeconds(3), FakeReply.text("late")));
        long started = System.nanoTime();

        HttpResponse<String> response = fixture.http().post("/impatient", HELLO);

        assertUpstreamError(response, 504, "upstream_timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
        assertThat(fixture.mistral().requests()).hasSize(1);
    }

    @Test
    void aStreamThatStallsEndsWithTheChunksSoFarAndAnErrorEventWithoutDone() throws Exception {
        fixture.mistral().enqueue(new FakeReply.Stall("one two three four", 2, Duration.ofSeconds(3)));

        HttpResponse<String> response = fixture.http().post("/impatient", STREAM);

        List<String> events = events(response);
        assertThat(events).hasSize(3);
        assertThat(events.get(1)).contains("\"content\":\"one \"");
        JsonNode error = HttpExchanges.JSON.readTree(events.get(2)).path("error");
        assertThat(error.path("code").asText()).isEqualTo("upstream_timeout");
        assertThat(response.body()).doesNotContain("[DONE]");
        assertThat(fixture.mistral().requests()).hasSize(1);
    }

    @Test
    void aStreamThatBreaksEndsWithTheChunksSoFarAndAnErrorEventWithoutDone() throws Exception {
        fixture.mistral().enqueue(new FakeReply.Reset("one two three four", 2));

        HttpResponse<String> response = fixture.http().post("/v1/chat/completions", STREAM);

        List<String> events = events(response);
        assertThat(events).hasSize(3);
        assertThat(HttpExchanges.JSON.readTree(events.get(2)).at("/error/code").asText())
                .isEqualTo("upstream_unreachable");
        assertThat(response.body()).doesNotContain("[DONE]");
        assertThat(fixture.mistral().requests()).hasSize(1);
    }

    @Test
    void mistralsErrorsReachTheClientNormalised() throws Exception {
        record Case(FakeReply reply, int status, String message, String header) { }
        List<Case> cases = List.of(
                new Case(FakeReply.error(422, "{\"detail\":[{\"type\":\"extra_forbidden\",\"loc\":[\"body\",\"store\"],"
                        + "\"msg\":\"Extra inputs are not permitted\"}]}"), 422,
                        "store: Extra inputs are not permitted", null),
                new Case(new FakeReply.Error(429, "{\"object\":\"error\",\"message\":\"Rate limit exceeded\","
                        + "\"type\":\"rate_limited\",\"param\":null,\"code\":\"1300\"}", Map.of("Retry-After", "7",
                        "x-ratelimit-remaining-req-minute", "0")), 429, "Rate limit exceeded", "7"),
                new Case(FakeReply.error(500, "{\"object\":\"error\",\"message\":\"Service unavailable.\","
                        + "\"type\":\"internal_server_error\",\"param\":null,\"code\":\"3000\"}"), 500,
                        "Service unavailable.", null),
                new Case(FakeReply.error(502, "<html><body>Bad Gateway</body></html>"), 502,
                        "Mistral answered HTTP 502", null));
        for (Case fault : cases) {
            int before = fixture.mistral().requests().size();
            fixture.mistral().enqueue(fault.reply());

            HttpResponse<String> response = fixture.http().post("/v1/chat/completions", HELLO);

            assertThat(response.statusCode()).isEqualTo(fault.status());
            assertThat(HttpExchanges.error(response).path("message").asText()).isEqualTo(fault.message());
            assertThat(response.headers().firstValue("retry-after")).isEqualTo(java.util.Optional.ofNullable(
                    fault.header()));
            assertThat(fixture.mistral().requests()).hasSize(before + 1);
        }
        assertThat(fixture.http().post("/v1/chat/completions", HELLO).statusCode()).isEqualTo(200);
    }

    @Test
    void rateLimitHeadersArePassedOn() throws Exception {
        fixture.mistral().enqueue(new FakeReply.Error(429, "{\"message\":\"Requests rate limit exceeded\"}",
                Map.of("x-ratelimit-remaining-req-minute", "0", "x-ratelimit-limit-req-minute", "60")));

        HttpResponse<String> response = fixture.http().post("/v1/chat/completions", HELLO);

        assertThat(response.headers().firstValue("x-ratelimit-remaining-req-minute")).contains("0");
        assertThat(response.headers().firstValue("x-ratelimit-limit-req-minute")).contains("60");
    }

    @Test
    void aRejectedGatewayKeyIsA502ThatDoesNotBlameTheClient() throws Exception {
        fixture.mistral().enqueue(FakeReply.error(401, "{\"message\":\"Unauthorized\",\"request_id\":\"r\"}"));

        HttpResponse<String> response = fixture.http().post("/v1/chat/completions", HELLO);

        assertUpstreamError(response, 502, "upstream_auth_failed");
        assertThat(fixture.mistral().requests()).hasSize(1);
    }

    private static List<String> events(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return Arrays.stream(response.body().split("\n\n")).map(event -> event.substring("data: ".length()))
                .toList();
    }

    private static void assertUpstreamError(HttpResponse<String> response, int status, String code)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(HttpExchanges.error(response).path("code").asText()).isEqualTo(code);
        assertThat(HttpExchanges.error(response).path("type").asText()).isEqualTo("upstream_error");
    }
}
