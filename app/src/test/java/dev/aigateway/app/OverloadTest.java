package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.fakemistral.FakeReply;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Beyond max_concurrent_requests a request is refused at once with 503 and Retry-After, in the envelope. */
class OverloadTest {
    private static final String KEY = "sk-overload-0123456789";
    private static final String HELLO = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey(KEY)
            .serverSettings("max_concurrent_requests: 1");

    @Test
    void aRequestBeyondTheLimitGets503WithRetryAfter() throws Exception {
        fixture.mistral().enqueue(new FakeReply.Delay(Duration.ofMillis(1500), FakeReply.text("slow")));
        HttpClient separate = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CompletableFuture<HttpResponse<String>> slow = separate.sendAsync(HttpRequest.newBuilder(
                        fixture.http().uri("/v1/chat/completions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(HELLO)).build(), HttpResponse.BodyHandlers.ofString());
        while (fixture.mistral().requests().isEmpty()) {
            Thread.sleep(10);
        }

        HttpResponse<String> refused = fixture.http().post("/v1/chat/completions", HELLO);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("retry-after")).contains("1");
        assertThat(HttpExchanges.error(refused).path("code").asText()).isEqualTo("overloaded");
        assertThat(slow.get().statusCode()).isEqualTo(200);
        assertThat(fixture.mistral().requests()).hasSize(1);
    }
}
