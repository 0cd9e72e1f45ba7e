package dev.aigateway.app;

import dagger.Module;
import dagger.Provides;
import dev.aigateway.adapters.http.HttpModule.ServerSettings;
import dev.aigateway.domain.route.Route;
import dev.aigateway.ports.ChatCompletionUseCase;
import dev.aigateway.ports.CompletionUseCase;
import dev.aigateway.ports.EmbeddingUseCase;
import dev.aigateway.ports.ExchangeObserver;
import dev.aigateway.ports.ModelListUseCase;
import dev.aigateway.ports.PassthroughUseCase;
import dev.aigateway.ports.ProviderOptionsReader;
import dev.aigateway.ports.UpstreamProvider;
import dev.aigateway.ports.engine.ModelCatalog;
import dev.aigateway.ports.engine.ProviderRegistry;
import dev.aigateway.ports.engine.Readiness;
import dev.aigateway.ports.engine.RoutingService;
import java.util.List;
import java.util.Map;
import javax.inject.Singleton;

/** Wires the core: the configuration's parts, the provider registry and the routing service behind the use cases. */
@Module
final class CoreModule {

    private CoreModule() { }

    @Provides
    @Singleton
    static GatewayConfig config(ConfigSource source, Map<String, ProviderOptionsReader> optionsReaders) {
        return source.read(optionsReaders);
    }

    @Provides
    static ServerSettings serverSettings(GatewayConfig config) {
        return config.server();
    }

    @Provides
    static List<Route> routes(GatewayConfig config) {
        return config.routes();
    }

    @Provides
    @Singleton
    static ProviderRegistry providers(Map<String, UpstreamProvider> providers, List<Route> routes) {
        ProviderRegistry registry = ProviderRegistry.of(providers);
        registry.requireProvidersOf(routes);
        return registry;
    }

    @Provides
    @Singleton
    static Readiness readiness(List<Route> routes) {
        return new Readiness(!routes.isEmpty());
    }

    @Provides
    @Singleton
    static RoutingService routingService(ProviderRegistry providers, ExchangeObserver observer) {
        return new RoutingService(providers, observer);
    }

    @Provides
    static ChatCompletionUseCase chat(RoutingService routing) {
        return routing;
    }

    @Provides
    static EmbeddingUseCase embeddings(RoutingService routing) {
        return routing;
    }

    @Provides
    static CompletionUseCase completions(RoutingService routing) {
        return routing;
    }

    @Provides
    static PassthroughUseCase passthrough(RoutingService routing) {
        return routing;
    }

    @Provides
    @Singleton
    static ModelListUseCase models(GatewayConfig config, ProviderRegistry providers) {
        return new ModelCatalog(config.routes(), providers, config.modelsCacheTtl(), System::nanoTime);
    }
}
