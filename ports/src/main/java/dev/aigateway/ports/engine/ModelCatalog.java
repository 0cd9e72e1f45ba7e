package dev.aigateway.ports.engine;

import dev.aigateway.domain.model.ModelInfo;
import dev.aigateway.domain.route.Capability;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteTarget;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.ports.ModelListUseCase;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The models the routes serve: each route's fixed model, and for routes that take the model from the request,
 * the upstream's own list (from providers that list models), fetched with the route's credential and kept for a
 * configurable time.
 */
public final class ModelCatalog implements ModelListUseCase {
    private final LiveRoutes routes;
    private final ProviderRegistry providers;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final Map<UpstreamTarget, Fetched> cache = new ConcurrentHashMap<>();

    /**
     * @param ttl how long an upstream list is reused
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime} outside tests)
     */
    public ModelCatalog(LiveRoutes routes, ProviderRegistry providers, Duration ttl, LongSupplier nanoClock) {
        this.routes = routes;
        this.providers = providers;
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    public List<ModelInfo> models() {
        Map<String, ModelInfo> byId = new LinkedHashMap<>();
        for (Route route : routes.current().routes()) {
            if (route.type().capability() == Capability.PASSTHROUGH) {
                continue;
            }
            for (RouteTarget target : route.targets()) {
                Optional<String> fixed = target.policy().model().fixedName();
                if (fixed.isPresent()) {
                    byId.putIfAbsent(fixed.get(), new ModelInfo(fixed.get(), target.upstream().provider(), 0));
                } else if (providers.serving(target.upstream()).listsModels()) {
                    upstreamList(target.upstream()).forEach(model -> byId.putIfAbsent(model.id(), model));
                }
            }
        }
        return new ArrayList<>(byId.values());
    }

    private List<ModelInfo> upstreamList(UpstreamTarget target) {
        UpstreamTarget key = hostOf(target);
        long now = nanoClock.getAsLong();
        Fetched fetched = cache.get(key);
        if (fetched == null || now - fetched.atNanos() >= ttlNanos) {
            fetched = new Fetched(providers.serving(target).listModels(key), now);
            cache.put(key, fetched);
        }
        return fetched.models();
    }

    /** Routes of one upstream host share one list, whatever endpoint path each of them uses. */
    private static UpstreamTarget hostOf(UpstreamTarget target) {
        Optional<URI> host = target.upstreamUrl().map(url -> URI.create(url.getScheme() + "://" + url.getRawAuthority()));
        return new UpstreamTarget(target.provider(), host, Optional.empty(), target.auth(), false, target.timeouts(),
                target.options());
    }

    private record Fetched(List<ModelInfo> models, long atNanos) { }
}
