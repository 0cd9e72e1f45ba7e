package dev.aigateway.app;

import dagger.Module;
import dagger.Provides;
import dev.aigateway.adapters.http.HttpModule.AdminSettings;
import dev.aigateway.adapters.http.HttpModule.ServerSettings;
import dev.aigateway.adapters.otel.OtelModule.TracingSettings;
import dev.aigateway.adapters.redis.RedisModule.RedisSettings;
import dev.aigateway.domain.access.CounterStore;
import dev.aigateway.domain.access.TokenLimits;
import dev.aigateway.domain.route.Route;
import dev.aigateway.ports.ChatCompletionUseCase;
import dev.aigateway.ports.CompletionUseCase;
import dev.aigateway.ports.ConfigReload;
import dev.aigateway.ports.EmbeddingUseCase;
import dev.aigateway.ports.ExchangeObserver;
import dev.aigateway.ports.ExchangeTracer;
import dev.aigateway.ports.ModelListUseCase;
import dev.aigateway.ports.NativeUseCase;
import dev.aigateway.ports.PassthroughUseCase;
import dev.aigateway.ports.ProviderOptionsReader;
import dev.aigateway.ports.TokenWindows;
import dev.aigateway.ports.UpstreamProvider;
import dev.aigateway.ports.engine.LiveRoutes;
import dev.aigateway.ports.engine.LocalTokenWindows;
import dev.aigateway.ports.engine.ModelCatalog;
import dev.aigateway.ports.engine.ProviderRegistry;
import dev.aigateway.ports.engine.Readiness;
import dev.aigateway.ports.engine.RoutingService;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Provider;
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

    /** Asked for only when a route keeps its counters in Redis, and then present. */
    @Provides
    static RedisSettings redisSettings(GatewayConfig config) {
        return config.redis().orElseThrow();
    }

    /**
     * The counter stores the routes use, each made once: the local one always, the others (from their modules,
     * by their config name) only when a route names them, so that nothing connects to a store no route uses.
     */
    @Provides
    @Singleton
    static Map<CounterStore, TokenWindows> counterStores(List<Route> routes,
                                                          Map<String, Provider<TokenWindows>> stores) {
        Map<CounterStore, TokenWindows> used = new EnumMap<>(CounterStore.class);
        used.put(CounterStore.LOCAL, new LocalTokenWindows(System::currentTimeMillis));
        routes.stream().flatMap(route -> route.access().allTokenLimits().stream()).map(TokenLimits::store)
                .filter(store -> store != CounterStore.LOCAL).distinct()
                .forEach(store -> used.put(store, stores.get(store.configName()).get()));
        return used;
    }

    @Provides
    static TracingSettings tracingSettings(GatewayConfig config) {
        return config.tracing();
    }

    @Provides
    @Singleton
    static RoutingService routingService(ProviderRegistry providers, ExchangeObserver observer,
                                         Map<CounterStore, TokenWindows> counterStores, ExchangeTracer tracer) {
        return new RoutingService(providers, observer, System::nanoTime, counterStores, tracer);
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
    static NativeUseCase natives(RoutingService routing) {
        return routing;
    }

    @Provides
    @Singleton
    static ModelListUseCase models(GatewayConfig config, ProviderRegistry providers, LiveRoutes routes) {
        return new ModelCatalog(routes, providers, config.modelsCacheTtl(), System::nanoTime);
    }

    /** The routes serving now: the configuration's at the start, each reload's after it. */
    @Provides
    @Singleton
    static LiveRoutes liveRoutes(List<Route> routes) {
        return new LiveRoutes(routes);
    }

    @Provides
    static Optional<AdminSettings> admin(GatewayConfig config) {
        return config.admin();
    }

    @Provides
    @Singleton
    static ConfigReload reload(ConfigSource source, Map<String, ProviderOptionsReader> optionsReaders,
                               ProviderRegistry providers, LiveRoutes routes, GatewayConfig started) {
        return new ConfigReloader(source, optionsReaders, providers, routes, started);
    }
}
