package dev.aigateway.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.adapters.http.HttpModule.ServerSettings;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChunkChoice;
import dev.aigateway.domain.chat.ChunkDelta;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.route.ModelPolicy;
import dev.aigateway.domain.route.ResponseStreaming;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteAnalytics;
import dev.aigateway.domain.route.RoutePolicy;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.TuningOptions;
import dev.aigateway.domain.route.TuningPrecedence;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.ports.ChatCompletionUseCase;
import dev.aigateway.ports.ChatResponder;
import dev.aigateway.ports.ChunkSink;
import dev.aigateway.ports.RequestContext;
import dev.aigateway.ports.Served;
import dev.aigateway.ports.engine.LiveRoutes;
import dev.aigateway.ports.engine.Readiness;
import io.helidon.webserver.WebServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ingress at its own boundary: the real Helidon server the module builds, in front of a fake chat use case that
 * answers as a test tells it to. No core, no provider.
 */
class IngressTest {
    private static final String CHAT = "/v1/chat/completions";
    private static final String HELLO = "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private final HttpClient client = HttpClient.newHttpClient();
    private volatile BiConsumer<RequestContext, ChatResponder> answer = (context, responder) -> { };
    private final Route route = Route.single("chat", List.of(CHAT), RouteType.CHAT, 1 << 20, true,
            new RoutePolicy(ModelPolicy.fixed("m"), TuningOptions.none(), TuningPrecedence.CONFIG,
                    ResponseStreaming.ALLOW),
            new UpstreamTarget("test", Optional.empty(), Optional.empty(), Optional.empty()), RouteAnalytics.none());
    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void framesAStreamAsOpenAiDoesWithItsHeadersBeforeTheFirstChunk() throws Exception {
        start(Duration.ofSeconds(15));
        answer = (context, responder) -> {
            ChunkSink sink = responder.openStream("m", served());
            sink.accept(chunk("Hel"));
            sink.accept(chunk("lo"));
            sink.end();
        };

        HttpResponse<String> response = post(HELLO);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("text/event-stream");
        assertThat(response.headers().firstValue("x-kong-llm-model")).contains("test/m");
        List<String> events = events(response.body());
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).contains("\"content\":\"Hel\"").contains("chat.completion.chunk");
        assertThat(events.get(1)).contains("\"content\":\"lo\"");
        assertThat(events.get(2)).isEqualTo("data: [DONE]");
    }

    @Test
    void aFailureBeforeTheFirstChunkIsAnsweredWithItsOwnStatusNotAStream() throws Exception {
        start(Duration.ofSeconds(15));
        answer = (context, responder) -> {
            throw new GatewayException(new GatewayError.UpstreamRejected(429, "slow down", Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of("7")));
        };

        HttpResponse<String> response = post(HELLO);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(response.headers().firstValue("retry-after")).contains("7");
        assertThat(response.body()).contains("\"error\"").contains("slow down");
    }

    @Test
    void aFailureMidStreamEndsItWithAnErrorEventAndNoDone() throws Exception {
        start(Duration.ofSeconds(15));
        answer = (context, responder) -> {
            responder.openStream("m", served()).accept(chunk("Hel"));
            throw new GatewayException(new GatewayError.UpstreamUnreachable("the connection broke", true));
        };

        HttpResponse<String> response = post(HELLO);

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> events = events(response.body());
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).startsWith("data: {\"error\":").contains("the connection broke");
        assertThat(response.body()).doesNotContain("[DONE]");
    }

    @Test
    void unknownPathsAndWrongMethodsGetOpenAiEnvelopes() throws Exception {
        start(Duration.ofSeconds(15));

        HttpResponse<String> missing = client.send(HttpRequest.newBuilder(uri("/v1/nowhere")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongMethod = client.send(HttpRequest.newBuilder(uri(CHAT)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"error\"").contains("no route serves /v1/nowhere");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("allow")).contains("POST");
        assertThat(wrongMethod.body()).contains("\"code\":\"method_not_allowed\"");
    }

    @Test
    void aQuietStreamGetsHeartbeatsBetweenItsChunks() throws Exception {
        start(Duration.ofMillis(50));
        answer = (context, responder) -> {
            ChunkSink sink = responder.openStream("m", served());
            sink.accept(chunk("a"));
            sink.flush();
            sleep(Duration.ofMillis(400));
            sink.accept(chunk("b"));
            sink.end();
        };

        String body = post(HELLO).body();

        int first = body.indexOf("\"content\":\"a\"");
        assertThat(body.indexOf(": keep-alive", first)).as("a heartbeat in the silence after the first chunk")
                .isGreaterThan(first).isLessThan(body.indexOf("\"content\":\"b\""));
    }

    @Test
    void aClientThatLeftIsFoundByAHeartbeatAndTheUpstreamAborted() throws Exception {
        start(Duration.ofMillis(50));
        CountDownLatch aborted = new CountDownLatch(1);
        answer = (context, responder) -> {
            context.cancellation().onCancel(aborted::countDown);
            ChunkSink sink = responder.openStream("m", served());
            sink.accept(chunk("first"));
            sink.flush();
            try {
                aborted.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new GatewayException(new GatewayError.UpstreamUnreachable("aborted", true));
        };

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.getOutputStream().write(("POST " + CHAT + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                    + "\r\nContent-Length: " + HELLO.length() + "\r\n\r\n" + HELLO).getBytes(StandardCharsets.UTF_8));
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null && !line.contains("first")) {
                // up to the first event, then leave
            }
        }

        assertThat(aborted.await(10, TimeUnit.SECONDS)).as("the provider's registered abort ran").isTrue();
    }

    private void start(Duration heartbeat) {
        ServerSettings defaults = ServerSettings.defaults("127.0.0.1", 0);
        ServerSettings settings = new ServerSettings(defaults.host(), 0, defaults.maxConcurrentRequests(),
                defaults.clientReadTimeout(), defaults.maxHeadersBytes(), defaults.maxRequestLineBytes(),
                Duration.ofSeconds(1), heartbeat, defaults.limits());
        ChatCompletionUseCase chat = (r, request, context, responder) -> answer.accept(context, responder);
        server = HttpModule.webServer(settings, new LiveRoutes(List.of(route)), chat, (r, request, context, responder) -> { },
                (r, request, context) -> {
                    throw new AssertionError("no embeddings here");
                }, (r, request, context, responder) -> { }, (r, request, context, responder) -> { }, List::of,
                new Readiness(true), new GatewayMetrics(),
                new OpenAiJson(settings.limits()), Optional.empty(), document -> {
                    throw new AssertionError("no reloads here");
                });
        server.start();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(CHAT)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static List<String> events(String body) {
        return java.util.Arrays.stream(body.split("\n\n")).filter(event -> event.startsWith("data: ")).toList();
    }

    private Served served() {
        return new Served(route.primary(), 0, 1);
    }

    private static ChatChunk chunk(String text) {
        return new ChatChunk("c1", 1, "m", List.of(new ChunkChoice(0, new ChunkDelta(false, Optional.of(text),
                Optional.empty(), List.of()), Optional.empty())), Optional.empty());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
