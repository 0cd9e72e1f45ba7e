package dev.aigateway.ports.engine;

import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteTarget;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.ports.UpstreamProvider;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The upstream providers by id; unknown ids fail fast with the list of known ones. */
public final class ProviderRegistry {
    private final Map<String, UpstreamProvider> providers;

    private ProviderRegistry(Map<String, UpstreamProvider> providers) {
        this.providers = Map.copyOf(providers);
    }

    public static ProviderRegistry of(Map<String, UpstreamProvider> providers) {
        return new ProviderRegistry(providers);
    }

    /**
     * The provider registered under {@code id}.
     *
     * @throws IllegalArgumentException naming the known providers when there is none
     */
    public UpstreamProvider get(String id) {
        UpstreamProvider provider = providers.get(id);
        if (provider == null) {
            throw new IllegalArgumentException("unknown provider '" + id + "'; known providers: " + known());
        }
        return provider;
    }

    /**
     * Checks that every route's providers are registered and serve the route's type (the embeddings provider of a
     * semantic balancer, embeddings), so that a bad config fails at start, not per request.
     *
     * @throws IllegalArgumentException naming the route, the provider and what it lacks
     */
    public void requireProvidersOf(List<Route> routes) {
        for (Route route : routes) {
            for (RouteTarget target : route.targets()) {
                requireServes(route, target.upstream().provider(), route.type());
            }
            route.balancer().semantic().ifPresent(semantic ->
                    requireServes(route, semantic.embeddings().provider(), RouteType.EMBEDDINGS));
        }
    }

    private void requireServes(Route route, String id, RouteType type) {
        UpstreamProvider provider = providers.get(id);
        if (provider == null) {
            throw new IllegalArgumentException("route '" + route.name() + "' uses unknown provider '" + id
                    + "'; known providers: " + known());
        }
        if (!provider.routeTypes().contains(type)) {
            throw new IllegalArgumentException("route '" + route.name() + "' needs " + type.configName()
                    + " but provider '" + id + "' does not serve it; it serves " + provider.routeTypes().stream()
                    .map(RouteType::configName).sorted().collect(Collectors.joining(", ")));
        }
    }

    private String known() {
        return String.join(", ", new TreeSet<>(providers.keySet()));
    }
}
