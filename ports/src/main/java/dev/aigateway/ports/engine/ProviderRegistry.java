package dev.aigateway.ports.engine;

import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteTarget;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.UpstreamTarget;
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

    /** The provider that serves {@code target}: its own, or the one its options hand it over to. */
    public UpstreamProvider serving(UpstreamTarget target) {
        return get(servingId(target));
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
                requireServes(route, servingId(target.upstream()), route.type());
            }
            route.balancer().semantic().ifPresent(semantic ->
                    requireServes(route, servingId(semantic.embeddings()), RouteType.EMBEDDINGS));
        }
    }

    private static String servingId(UpstreamTarget target) {
        return target.options().servedBy().orElse(target.provider());
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
