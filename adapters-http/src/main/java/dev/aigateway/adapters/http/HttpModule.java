package dev.aigateway.adapters.http;

import dagger.Module;
import dagger.Provides;
import dev.aigateway.domain.route.Route;
import dev.aigateway.ports.ChatCompletionUseCase;
import dev.aigateway.ports.CompletionUseCase;
import dev.aigateway.ports.EmbeddingUseCase;
import dev.aigateway.ports.ModelListUseCase;
import dev.aigateway.ports.PassthroughUseCase;
import dev.aigateway.ports.Readiness;
import dev.aigateway.ports.ServerSettings;
import io.helidon.http.DirectHandler;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import java.time.Duration;
import java.util.List;
import javax.inject.Singleton;

/** Provides the gateway's Helidon web server, speaking the OpenAI API on the configured routes. */
@Module
public final class HttpModule {

    /** Time left after the grace period for the shutdown error events to reach clients. */
    private static final Duration STREAM_END_MARGIN = Duration.ofSeconds(2);

    private HttpModule() { }

    @Provides
    @Singleton
    static WebServer webServer(ServerSettings settings, List<Route> routes, ChatCompletionUseCase chat,
                               CompletionUseCase completions, EmbeddingUseCase embeddings,
                               PassthroughUseCase passthrough, ModelListUseCase models, Readiness readiness) {
        OpenAiJson json = new OpenAiJson(settings.limits());
        OpenStreams streams = new OpenStreams(OpenStreams.scheduler(), settings.sseHeartbeat());
        // Streams still running when the grace period ends get an error event, just before Helidon closes them.
        readiness.onShutdown(() -> streams.endAllAfter(settings.shutdownGrace()));
        GatewayMetrics metrics = new GatewayMetrics();
        metrics.openStreams(streams::count);
        GatewayRouting routing = new GatewayRouting(routes,
                new UseCases(chat, completions, embeddings, passthrough, models), json,
                streams, readiness, metrics);
        EnvelopeDirectHandler errors = new EnvelopeDirectHandler(json);
        return WebServer.builder()
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
}
