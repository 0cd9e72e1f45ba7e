package dev.aigateway.ports.engine;

import dev.aigateway.domain.TextInput;
import dev.aigateway.domain.embedding.Embedding;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.embedding.EmbeddingVector;
import dev.aigateway.domain.route.BalancerAlgorithm;
import dev.aigateway.domain.route.BalancerSettings;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteTarget;
import dev.aigateway.domain.route.SemanticSettings;
import dev.aigateway.ports.engine.balance.SemanticBalancer;
import dev.aigateway.ports.engine.balance.TargetPool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Each route's balancing state, made on the route's first request and kept while the route's targets and balancer
 * stay as they are: a reload that leaves a route's targets unchanged keeps its rotation, latencies and breakers.
 */
final class TargetPools {
    private final ProviderRegistry providers;
    private final LongSupplier nanoClock;
    private final Map<String, Kept> pools = new ConcurrentHashMap<>();

    /** A pool and what it was made for. */
    private record Kept(List<RouteTarget> targets, BalancerSettings balancer, TargetPool pool) {
        boolean servesAsIs(Route route) {
            return targets.equals(route.targets()) && balancer.equals(route.balancer());
        }
    }

    TargetPools(ProviderRegistry providers, LongSupplier nanoClock) {
        this.providers = providers;
        this.nanoClock = nanoClock;
    }

    /**
     * The route's pool. Made outside the map's lock: a semantic pool embeds its targets' descriptions upstream, and
     * network I/O inside {@code computeIfAbsent} would hold every other route's first request. Two first requests at
     * once may both make one; the first stored wins.
     */
    TargetPool of(Route route) {
        Kept kept = pools.get(route.name());
        if (kept != null && kept.servesAsIs(route)) {
            return kept.pool();
        }
        Kept made = new Kept(route.targets(), route.balancer(), make(route));
        return pools.merge(route.name(), made, (existing, fresh) -> existing.servesAsIs(route) ? existing : fresh)
                .pool();
    }

    /**
     * For semantic routing the targets' descriptions are embedded here, once, on the route's first request: the
     * gateway starts even while the embeddings upstream is down.
     */
    private TargetPool make(Route route) {
        Optional<SemanticSettings> semantic = route.balancer().semantic()
                .filter(s -> route.balancer().algorithm() == BalancerAlgorithm.SEMANTIC);
        if (semantic.isEmpty()) {
            return new TargetPool(route.targets(), route.balancer(), nanoClock);
        }
        SemanticSettings settings = semantic.get();
        List<String> descriptions = route.targets().stream().map(t -> t.description().orElse("")).toList();
        int catchAll = descriptions.indexOf(SemanticSettings.CATCHALL);
        List<String> toEmbed = descriptions.stream().filter(d -> !d.equals(SemanticSettings.CATCHALL)).toList();
        List<EmbeddingVector> embedded = embed(settings, toEmbed);
        List<EmbeddingVector> vectors = new ArrayList<>();
        int next = 0;
        for (String description : descriptions) {
            vectors.add(description.equals(SemanticSettings.CATCHALL) ? null : embedded.get(next++));
        }
        return new TargetPool(route.targets(), route.balancer(), nanoClock, new SemanticBalancer(vectors, catchAll,
                settings, text -> embed(settings, List.of(text)).get(0)));
    }

    private List<EmbeddingVector> embed(SemanticSettings settings, List<String> texts) {
        EmbeddingResponse response = providers.serving(settings.embeddings()).embed(settings.embeddings(),
                new EmbeddingRequest(Optional.of(settings.model()), TextInput.texts(texts), Optional.empty(),
                        Map.of()));
        return response.data().stream().sorted(Comparator.comparingInt(Embedding::index)).map(Embedding::vector)
                .toList();
    }
}
