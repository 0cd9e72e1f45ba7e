package dev.aigateway.adapters.http;

import dagger.Module;
import dagger.Provides;
import dev.aigateway.ports.ChatCompletionUseCase;
import dev.aigateway.ports.CompletionUseCase;
import dev.aigateway.ports.ConfigReload;
import dev.aigateway.ports.EmbeddingUseCase;
import dev.aigateway.ports.ExchangeObserver;
import dev.aigateway.ports.ModelListUseCase;
import dev.aigateway.ports.NativeUseCase;
import dev.aigateway.ports.PassthroughUseCase;
import dev.aigateway.ports.engine.LiveRoutes;
import dev.aigateway.ports.engine.Readiness;
import io.helidon.http.DirectHandler;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http1.Http1Config;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.inject.Singleton;

/**
 * Provides the gateway's Helidon web server, speaking the OpenAI API on the configured routes, and the observer that
 * turns the core's exchanges into metrics and log lines.
 */
@Module
public final class HttpModule {

    /** Time left after the grace period for the shutdown error events to reach clients. */
    private static final Duration STREAM_END_MARGIN = Duration.ofSeconds(2);

    private HttpModule() { }

    @Provides
    @Singleton
    static GatewayMetrics metrics() {
        return new GatewayMetrics();
    }

    @Provides
    @Singleton
    static OpenAiJson json(ServerSettings settings) {
        return new OpenAiJson(settings.limits());
    }

    /** The metrics and the analytics log line, told of each exchange by the core. */
    @Provides
    @Singleton
    static ExchangeObserver observer(GatewayMetrics metrics, OpenAiJson json) {
        return new Observations(metrics, json);
    }

    @Provides
    @Singleton
    static WebServer webServer(ServerSettings settings, LiveRoutes routes, ChatCompletionUseCase chat,
                               CompletionUseCase completions, EmbeddingUseCase embeddings,
                               PassthroughUseCase passthrough, NativeUseCase natives, ModelListUseCase models,
                               Readiness readiness,
                               GatewayMetrics metrics, OpenAiJson json, Optional<AdminSettings> admin,
                               ConfigReload reload) {
        OpenStreams streams = new OpenStreams(OpenStreams.scheduler(), settings.sseHeartbeat());
        // Streams still running when the grace period ends get an error event, just before Helidon closes them.
        readiness.onShutdown(() -> streams.endAllAfter(settings.shutdownGrace()));
        metrics.openStreams(streams::count);
        metrics.configuration(routes);
        GatewayRouting routing = new GatewayRouting(routes,
                new UseCases(chat, completions, embeddings, passthrough, natives, models), json,
                streams, readiness, metrics);
        EnvelopeDirectHandler errors = new EnvelopeDirectHandler(json);
        WebServerConfig.Builder server = WebServer.builder();
        admin.ifPresent(listener -> server.putSocket(AdminSettings.SOCKET, socket -> socket.host(listener.host())
                        .port(listener.port()))
                .routing(AdminSettings.SOCKET, adminRouting -> AdminHandlers.register(adminRouting, reload, json)));
        return server
                .host(settings.host())
                .port(settings.port())
                // Without TCP_NODELAY each flushed SSE event can wait ~40 ms for the client's delayed ACK.
                // The read timeout is the deadline for a client's next bytes: Helidon has no header-read deadline.
                .connectionOptions(options -> options.tcpNoDelay(true).readTimeout(settings.clientReadTimeout()))
                .maxConcurrentRequests(settings.maxConcurrentRequests())
                .shutdownGracePeriod(settings.shutdownGrace().plus(STREAM_END_MARGIN))
                .addProtocol(Http1Config.builder()
                        .maxHeadersSize(settings.maxHeadersBytes())
                        .maxPrologueLength(settings.maxRequestLineBytes())
                        .build())
                .directHandlers(handlers -> {
                    for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
                        handlers.addHandler(type, errors);
                    }
                })
                .routing(routing::register)
                .build();
    }

    /**
     * The admin listener, where {@code POST /config} reloads the configuration (Kong's DB-less {@code /config}).
     *
     * @param host the address to bind: loopback unless configured otherwise, since anyone who reaches it can change
     *     what the gateway serves
     * @param port the port; 0 picks a free one
     */
    public record AdminSettings(String host, int port) {
        /** The name of the admin listener's socket. */
        public static final String SOCKET = "admin";
        public static final String DEFAULT_HOST = "127.0.0.1";

        public AdminSettings {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
        }
    }

    /**
     * How the gateway listens and protects itself.
     *
     * @param host the address to bind, e.g. {@code 0.0.0.0}
     * @param port the port; 0 picks a free one
     * @param maxConcurrentRequests requests served at once; more get a 503 with {@code Retry-After}
     * @param clientReadTimeout the longest wait for the next bytes of a client's request (headers or body), so a
     *     client that stalls mid-request cannot hold a connection forever
     * @param maxHeadersBytes the largest request header block; larger gets 431
     * @param maxRequestLineBytes the longest request line; longer gets an error
     * @param shutdownGrace how long requests and streams in flight may run on after a stop signal
     * @param sseHeartbeat how long a stream to a client may stay silent before a comment line is sent, which keeps
     *     proxies from timing it out and shows when the client has left
     * @param limits the largest collections a request may carry
     */
    public record ServerSettings(String host, int port, int maxConcurrentRequests, Duration clientReadTimeout,
                                 int maxHeadersBytes, int maxRequestLineBytes, Duration shutdownGrace,
                                 Duration sseHeartbeat, RequestLimits limits) {
        public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 4096;
        public static final Duration DEFAULT_CLIENT_READ_TIMEOUT = Duration.ofSeconds(30);
        public static final int DEFAULT_MAX_HEADERS_BYTES = 16 * 1024;
        public static final int DEFAULT_MAX_REQUEST_LINE_BYTES = 8 * 1024;
        public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);
        public static final Duration DEFAULT_SSE_HEARTBEAT = Duration.ofSeconds(15);

        public ServerSettings {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
            if (maxConcurrentRequests < 1 || maxHeadersBytes < 1 || maxRequestLineBytes < 1) {
                throw new IllegalArgumentException("server limits must be positive");
            }
            Objects.requireNonNull(clientReadTimeout, "clientReadTimeout");
            Objects.requireNonNull(shutdownGrace, "shutdownGrace");
            Objects.requireNonNull(sseHeartbeat, "sseHeartbeat");
            Objects.requireNonNull(limits, "limits");
        }

        /** Listening on {@code host:port} with every other setting at its default. */
        public static ServerSettings defaults(String host, int port) {
            return new ServerSettings(host, port, DEFAULT_MAX_CONCURRENT_REQUESTS, DEFAULT_CLIENT_READ_TIMEOUT,
                    DEFAULT_MAX_HEADERS_BYTES, DEFAULT_MAX_REQUEST_LINE_BYTES, DEFAULT_SHUTDOWN_GRACE,
                    DEFAULT_SSE_HEARTBEAT, RequestLimits.defaults());
        }
    }

    /**
     * The largest request shapes the ingress accepts: beyond them a request gets a 400 before anything is sent
     * upstream, whatever the body size limit allows.
     *
     * @param maxMessages messages in one chat request
     * @param maxTools tools in one chat request
     * @param maxEmbeddingInputs texts in one embeddings request (and prompts in one completions request)
     * @param maxJsonDepth nesting of arrays and objects in a request body
     */
    public record RequestLimits(int maxMessages, int maxTools, int maxEmbeddingInputs, int maxJsonDepth) {
        public RequestLimits {
            if (maxMessages < 1 || maxTools < 1 || maxEmbeddingInputs < 1 || maxJsonDepth < 1) {
                throw new IllegalArgumentException("request limits must be positive");
            }
        }

        /** Generous for real traffic, small enough that a request cannot make the gateway do unbounded work. */
        public static RequestLimits defaults() {
            return new RequestLimits(4096, 128, 2048, 64);
        }
    }
}
