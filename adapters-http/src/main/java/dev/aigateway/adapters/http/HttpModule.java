package dev.aigateway.adapters.http;

import dagger.Module;
import dagger.Provides;
import dev.aigateway.domain.route.Route;
import dev.aigateway.ports.ChatCompletionUseCase;
import dev.aigateway.ports.CompletionUseCase;
import dev.aigateway.ports.EmbeddingUseCase;
import dev.aigateway.ports.ModelListUseCase;
import dev.aigateway.ports.PassthroughUseCase;
import dev.aigateway.ports.ServerSettings;
import io.helidon.webserver.WebServer;
import java.util.List;
import javax.inject.Singleton;

/** Provides the gateway's Helidon web server, speaking the OpenAI API on the configured routes. */
@Module
public final class HttpModule {

    private HttpModule() { }

    @Provides
    @Singleton
    static WebServer webServer(ServerSettings settings, List<Route> routes, ChatCompletionUseCase chat,
                               CompletionUseCase completions, EmbeddingUseCase embeddings,
                               PassthroughUseCase passthrough, ModelListUseCase models) {
        GatewayRouting routing = new GatewayRouting(routes,
                new UseCases(chat, completions, embeddings, passthrough, models), new OpenAiJson());
        return WebServer.builder()
                .host(settings.host())
                .port(settings.port())
                // Without TCP_NODELAY each flushed SSE event can wait ~40 ms for the client's delayed ACK.
                .connectionOptions(options -> options.tcpNoDelay(true))
                .routing(routing::register)
                .build();
    }
}
