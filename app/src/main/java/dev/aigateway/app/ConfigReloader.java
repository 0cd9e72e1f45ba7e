package dev.aigateway.app;

import dev.aigateway.ports.ConfigReload;
import dev.aigateway.ports.ProviderOptionsReader;
import dev.aigateway.ports.engine.LiveRoutes;
import dev.aigateway.ports.engine.ProviderRegistry;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;

/**
 * Reloads the configuration: reads and validates it as at the start, then swaps every route at once. An invalid
 * configuration is refused, with the field named, and the routes serving keep serving. What only a restart can
 * change (where the gateway listens, its server limits, the Redis connection) is kept as it is, and said so.
 */
final class ConfigReloader implements ConfigReload {
    private static final System.Logger LOG = System.getLogger(ConfigReloader.class.getName());

    private final ConfigSource source;
    private final Map<String, ProviderOptionsReader> optionsReaders;
    private final ProviderRegistry providers;
    private final LiveRoutes routes;
    private final GatewayConfig started;

    ConfigReloader(ConfigSource source, Map<String, ProviderOptionsReader> optionsReaders, ProviderRegistry providers,
                   LiveRoutes routes, GatewayConfig started) {
        this.source = source;
        this.optionsReaders = Map.copyOf(optionsReaders);
        this.providers = providers;
        this.routes = routes;
        this.started = started;
    }

    @Override
    public synchronized Outcome reload(Optional<byte[]> document) {
        GatewayConfig next;
        try {
            next = document.isPresent() ? source.parse(document.get(), optionsReaders) : source.read(optionsReaders);
            providers.requireProvidersOf(next.routes());
            if (next.redis().isPresent() && !next.redis().equals(started.redis())) {
                throw new ConfigException("the routes' redis block differs from the one the gateway started with;"
                        + " a new Redis connection needs a restart");
            }
        } catch (ConfigException | IllegalArgumentException e) {
            routes.refused();
            String message = "configuration refused, the previous one keeps serving: " + e.getMessage();
            LOG.log(Level.WARNING, message);
            return new Outcome(false, routes.current().number(), message);
        }
        if (!next.server().equals(started.server()) || !next.admin().equals(started.admin())
                || !next.tracing().equals(started.tracing())) {
            LOG.log(Level.WARNING, "the server block changed; where and how the gateway listens and traces changes"
                    + " at the next start, the routes change now");
        }
        LiveRoutes.Generation serving = routes.replace(next.routes());
        String message = "configuration generation " + serving.number() + " serves " + serving.routes().size()
                + " routes";
        LOG.log(Level.INFO, message);
        return new Outcome(true, serving.number(), message);
    }
}
