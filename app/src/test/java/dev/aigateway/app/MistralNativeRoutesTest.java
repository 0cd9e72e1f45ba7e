package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.fakemistral.FakeMistral;
import dev.aigateway.fakemistral.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mistral's own endpoints on native routes ({@code mistral/v1/...}): the client speaks Mistral's API, and each
 * request gets the route's key injection, key-auth, token limits, an analytics line with the usage Mistral reported
 * (tokens, OCR pages, audio seconds) and metrics; uploads are streamed upstream within the size cap.
 */
class MistralNativeRoutesTest {
    private static final String PROVIDER_KEY = "sk-native-provider-0123456789";
    private static final String CLIENT_KEY = "team-a-native-key";
    private static final String AUTH = "Bearer " + CLIENT_KEY;
    private static final int UPLOAD_CAP = 256 * 1024;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withDocument(PROVIDER_KEY, mistral -> """
            server: { host: 127.0.0.1, port: 0 }
            consumers:
              - username: team-a
                keyauth_credentials: [{ key: %3$s }]
                acls: [{ group: moderators }]
              - username: outsider
                keyauth_credentials: [{ key: outsider-key }]
            plugins:
              - name: key-auth
                config: { key_names: [authorization] }
            routes:
            %4$s
              - name: moderations
                paths: [/v1/moderations]
                plugins:
                  - name: acl
                    config: { allow: [moderators] }
                  - name: ai-proxy
                    config:
                      route_type: mistral/v1/moderations
                      logging: { log_statistics: true }
                      auth: { header_name: Authorization, header_value: "Bearer %2$s" }
                      model: { provider: mistral, options: { upstream_url: "%1$s" } }
                  - name: ai-rate-limiting-advanced
                    config:
                      strategy: local
                      policies:
                        - match: [{ type: consumer, partition_by: true }]
                          limits: [{ limit: 40, window_size: 3600 }]
            """.formatted(mistral.baseUri(), PROVIDER_KEY, CLIENT_KEY, Map.of(
                    "ocr", "mistral/v1/ocr", "classifications", "mistral/v1/classifications",
                    "conversations", "mistral/v1/conversations", "audio/transcriptions",
                    "mistral/v1/audio/transcriptions", "files", "mistral/v1/files",
                    "batch/jobs", "mistral/v1/batch/jobs").entrySet().stream().map(route -> """
                      - name: %1$s
                        paths: [/v1/%1$s]
                        plugins:
                          - name: ai-proxy
                            config:
                              route_type: %2$s
                              max_request_body_size: %5$d
                              logging: { log_statistics: true }
                              auth: { header_name: Authorization, header_value: "Bearer %4$s" }
                              model: { provider: mistral, options: { upstream_url: "%3$s" } }
                    """.formatted(route.getKey(), route.getValue(), mistral.baseUri(), PROVIDER_KEY, UPLOAD_CAP))
                    .collect(Collectors.joining())));

    private AnalyticsLog analytics;

    @BeforeEach
    void captureAnalytics() {
        analytics = AnalyticsLog.capture();
    }

    @AfterEach
    void stopCapturing() {
        analytics.close();
    }

    @Test
    void ocrIsRelayedWithTheProvidersKeyAndItsPagesAreMetered() throws Exception {
        HttpResponse<String> response = post("/v1/ocr", """
                {"model":"mistral-ocr-latest","document":{"type":"document_url",
                 "document_url":"https://example.com/report.pdf"},"pages":[0,1],"include_image_base64":false}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = HttpExchanges.JSON.readTree(response.body());
        assertThat(answer.path("pages")).hasSize(2);
        assertThat(answer.at("/usage_info/pages_processed").asInt()).isEqualTo(2);
        RecordedRequest sent = fixture.mistral().lastRequest();
        assertThat(sent.path()).isEqualTo("/v1/ocr");
        assertThat(sent.header("authorization")).contains("Bearer " + PROVIDER_KEY);
        assertThat(sent.bodyText()).doesNotContain(CLIENT_KEY);
        // The client's bytes as they came, with their length declared rather than chunked.
        assertThat(sent.header("content-length")).contains(Integer.toString(sent.body().length));
        assertThat(sent.header("transfer-encoding")).isEmpty();
        JsonNode line = analyticsLine();
        assertThat(line.at("/ai/proxy/meta/request_model").asText()).isEqualTo("mistral-ocr-latest");
        assertThat(line.at("/ai/proxy/usage/pages_processed").asInt()).isEqualTo(2);
        assertThat(line.at("/consumer/username").asText()).isEqualTo("team-a");
        assertThat(metrics()).containsPattern("gateway_ocr_pages_total\\{[^}]*route=\"ocr\"[^}]*} 2.0");
    }

    @Test
    void aNativeRouteRefusesAMissingKeyBeforeMistralHearsOfIt() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(fixture.http().uri("/v1/ocr"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"mistral-ocr-latest\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(HttpExchanges.error(response).path("code").asText()).isEqualTo("invalid_api_key");
        assertThat(fixture.mistral().requests()).isEmpty();
    }

    @Test
    void aConsumerOutsideTheRoutesAclGroupsIs403BeforeMistralHearsOfIt() throws Exception {
        HttpResponse<String> refused = fixture.http().post("/v1/moderations",
                "{\"model\":\"mistral-moderation-latest\",\"input\":\"text\"}", "Authorization", "Bearer outsider-key");
        HttpResponse<String> otherRoute = fixture.http().post("/v1/classifications",
                "{\"model\":\"ft:classifier:intent\",\"input\":\"text\"}", "Authorization", "Bearer outsider-key");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(otherRoute.statusCode()).as(otherRoute.body()).isEqualTo(200);
        assertThat(fixture.mistral().requests()).extracting(RecordedRequest::path)
                .containsExactly("/v1/classifications");
    }

    @Test
    void moderationTokensCountAgainstTheConsumersLimitAndTheRequestThatWouldCrossItIsRefused() throws Exception {
        String body = "{\"model\":\"mistral-moderation-latest\",\"input\":[\"first text\",\"second text\"]}";
        HttpResponse<String> first = post("/v1/moderations", body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(HttpExchanges.JSON.readTree(first.body()).path("results")).hasSize(2);
        assertThat(first.headers().firstValue("X-AI-RateLimit-Remaining-3600-0")).contains("33");

        post("/v1/moderations", body);
        HttpResponse<String> refused = post("/v1/moderations", body);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(HttpExchanges.error(refused).path("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(fixture.mistral().requests()).hasSize(2);
        JsonNode served = HttpExchanges.JSON.readTree(analytics.awaitLines(3).get(0));
        assertThat(served.at("/ai/proxy/usage/prompt_tokens").asInt()).isEqualTo(18);
    }

    @Test
    void aStreamedConversationIsRelayedEventByEventAndChargedWhatItsLastEventReports() throws Exception {
        HttpResponse<String> response = post("/v1/conversations", """
                {"inputs":"Bonjour?","model":"mistral-medium-latest","stream":true,
                 "completion_args":{"max_tokens":64}}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        assertThat(response.body()).contains("event: conversation.response.started")
                .contains("event: conversation.response.done");
        JsonNode done = HttpExchanges.JSON.readTree(response.body().lines()
                .filter(line -> line.contains("conversation.response.done") && line.startsWith("data: "))
                .findFirst().orElseThrow().substring("data: ".length()));
        JsonNode usage = analyticsLine().at("/ai/proxy/usage");
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(done.at("/usage/completion_tokens").asInt());
        assertThat(usage.path("total_tokens").asInt()).isEqualTo(done.at("/usage/total_tokens").asInt());
        assertThat(analyticsLine().at("/ai/proxy/meta/response_model").asText()).isEqualTo("mistral-medium-latest");
    }

    @Test
    void appendingToAConversationKeepsTheConversationsIdInThePath() throws Exception {
        HttpResponse<String> response = post("/v1/conversations/conv_123?x=1", "{\"inputs\":\"And then?\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(fixture.mistral().lastRequest().path()).isEqualTo("/v1/conversations/conv_123?x=1");
        assertThat(HttpExchanges.JSON.readTree(response.body()).path("conversation_id").asText())
                .isEqualTo("conv_123");
    }

    @Test
    void mistralsOwnValidationErrorReachesTheClientInTheGatewaysEnvelope() throws Exception {
        HttpResponse<String> response = post("/v1/ocr", "{\"model\":\"mistral-ocr-latest\",\"document\":{},"
                + "\"unknown_field\":1}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(HttpExchanges.error(response).path("message").asText()).contains("unknown_field");
    }

    @Test
    void aTranscriptionUploadIsStreamedUpstreamAndItsAudioSecondsAreMetered() throws Exception {
        String boundary = "----gateway-test";
        byte[] audio = new byte[64 * 1024];
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nvoxtral-mini-latest"
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.mp3\"\r\n"
                + "Content-Type: audio/mpeg\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        long[] secondHalfSentNanos = new long[1];
        InputStream slowBody = new SlowBody(head.getBytes(StandardCharsets.UTF_8), audio,
                tail.getBytes(StandardCharsets.UTF_8), secondHalfSentNanos);

        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(fixture.http().uri(
                        "/v1/audio/transcriptions")).header("Authorization", AUTH)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> slowBody)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(fixture.mistral().lastRequest().body().length)
                .isEqualTo(head.length() + audio.length + tail.length());
        assertThat(fixture.mistral().uploadFirstByteNanos().get(0))
                .as("the upload's first bytes reached Mistral before the client sent the rest")
                .isLessThan(secondHalfSentNanos[0]);
        assertThat(analyticsLine().at("/ai/proxy/usage/prompt_audio_seconds").asInt()).isEqualTo(12);
        assertThat(metrics()).containsPattern(
                "gateway_prompt_audio_seconds_total\\{[^}]*route=\"audio/transcriptions\"[^}]*} 12.0");
    }

    @Test
    void anUploadOverTheRoutesCapIsRefusedWith413() throws Exception {
        String boundary = "----gateway-test";
        byte[] large = new byte[UPLOAD_CAP + 1];
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(fixture.http().uri("/v1/files"))
                .header("Authorization", AUTH).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(large)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(HttpExchanges.error(response).path("message").asText()).contains(Integer.toString(UPLOAD_CAP));
    }

    @Test
    void filesAreUploadedListedReadAndDeletedThroughOneRoute() throws Exception {
        String boundary = "b0undary";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"in.jsonl\"\r\n"
                + "Content-Type: application/jsonl\r\n\r\n{\"custom_id\":\"1\",\"body\":{}}\r\n--" + boundary
                + "--\r\n";
        HttpResponse<String> uploaded = CLIENT.send(HttpRequest.newBuilder(fixture.http().uri("/v1/files"))
                .header("Authorization", AUTH).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        String id = HttpExchanges.JSON.readTree(uploaded.body()).path("id").asText();

        HttpResponse<String> listed = send("GET", "/v1/files");
        HttpResponse<String> read = send("GET", "/v1/files/" + id);
        HttpResponse<String> deleted = send("DELETE", "/v1/files/" + id);

        assertThat(HttpExchanges.JSON.readTree(listed.body()).path("total").asInt()).isEqualTo(1);
        assertThat(HttpExchanges.JSON.readTree(read.body()).path("purpose").asText()).isEqualTo("batch");
        assertThat(HttpExchanges.JSON.readTree(deleted.body()).path("deleted").asBoolean()).isTrue();
        assertThat(fixture.mistral().requests()).extracting(RecordedRequest::method)
                .containsExactly("POST", "GET", "GET", "DELETE");
        assertThat(fixture.mistral().requests()).allSatisfy(sent ->
                assertThat(sent.header("authorization")).contains("Bearer " + PROVIDER_KEY));
    }

    @Test
    void aBatchJobIsCreatedAndAPostOnlyEndpointRefusesOtherMethods() throws Exception {
        HttpResponse<String> created = post("/v1/batch/jobs", "{\"input_files\":[\"file-1\"],"
                + "\"endpoint\":\"/v1/chat/completions\",\"model\":\"mistral-small-latest\"}");
        HttpResponse<String> wrongMethod = send("GET", "/v1/ocr");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(HttpExchanges.JSON.readTree(created.body()).path("status").asText()).isEqualTo("QUEUED");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void classificationsCarryTheirTokensIntoTheMetrics() throws Exception {
        HttpResponse<String> response = post("/v1/classifications",
                "{\"model\":\"ft:classifier:intent\",\"input\":\"is this a question?\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        analyticsLine();
        assertThat(metrics()).containsPattern(
                "ai_llm_tokens_total\\{[^}]*route=\"classifications\"[^}]*token_type=\"prompt_tokens\"[^}]*} 9.0");
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return fixture.http().post(path, body, "Authorization", AUTH);
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(fixture.http().uri(path)).header("Authorization", AUTH)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode analyticsLine() throws Exception {
        List<String> lines = analytics.awaitLines(1);
        assertThat(lines).as("an analytics line").isNotEmpty();
        return HttpExchanges.JSON.readTree(lines.get(lines.size() - 1));
    }

    private String metrics() throws Exception {
        return fixture.http().get("/metrics").body();
    }

    /** A body whose second half waits until the first half has had time to travel on, noting when it is sent. */
    private static final class SlowBody extends InputStream {
        private final byte[] first;
        private final byte[] second;
        private int position;
        private final long[] secondSentNanos;

        SlowBody(byte[] head, byte[] payload, byte[] tail, long[] secondSentNanos) {
            int half = payload.length / 2;
            this.first = concat(head, java.util.Arrays.copyOf(payload, half));
            this.second = concat(java.util.Arrays.copyOfRange(payload, half, payload.length), tail);
            this.secondSentNanos = secondSentNanos;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == first.length) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                secondSentNanos[0] = System.nanoTime();
            }
            byte[] source = position < first.length ? first : second;
            int start = position < first.length ? position : position - first.length;
            if (start >= source.length) {
                return -1;
            }
            int count = Math.min(length, source.length - start);
            System.arraycopy(source, start, buffer, offset, count);
            position += count;
            return count;
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return both;
        }
    }
}
