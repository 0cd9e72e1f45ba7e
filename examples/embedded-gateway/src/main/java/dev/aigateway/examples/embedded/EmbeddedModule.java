package dev.aigateway.examples.embedded;

import dagger.Module;
import dagger.Provides;
import dev.aigateway.domain.route.Route;
import dev.aigateway.ports.UpstreamProvider;
import dev.aigateway.ports.engine.ProviderRegistry;
import dev.aigateway.ports.engine.RoutingService;
import java.util.List;
import java.util.Map;
import javax.inject.Singleton;

/** The core, as this gateway wires it: the product's routing service, reporting to a token ledger. */
@Module
final class EmbeddedModule {

    private EmbeddedModule() { }

    @Provides
    @Singleton
    static TokenLedger ledger() {
        return new TokenLedger();
    }

    @Provides
    @Singleton
    static EmbeddedGateway gateway(List<Route> routes, Map<String, UpstreamProvider> providers, TokenLedger ledger) {
        ProviderRegistry registry = ProviderRegistry.of(providers);
        registry.requireProvidersOf(routes);
        return new EmbeddedGateway(routes, new RoutingService(registry, ledger), ledger);
    }
}
