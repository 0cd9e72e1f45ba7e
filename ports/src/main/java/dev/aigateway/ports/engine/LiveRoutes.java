package dev.aigateway.ports.engine;

import dev.aigateway.domain.route.Route;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The routes the gateway serves now. A reload replaces them all at once; a request keeps the route it was matched
 * to, so requests and streams in flight finish on the configuration they started with.
 */
public final class LiveRoutes {
    private final AtomicReference<Generation> current;
    private final AtomicLong refusedReloads = new AtomicLong();
    private volatile boolean lastReloadApplied = true;

    /**
     * One set of routes and its number: 1 for the configuration the gateway started with, one more per reload.
     */
    public record Generation(long number, List<Route> routes) {
        public Generation {
            routes = List.copyOf(routes);
        }
    }

    public LiveRoutes(List<Route> initial) {
        current = new AtomicReference<>(new Generation(1, initial));
    }

    public Generation current() {
        return current.get();
    }

    /** Serves {@code routes} from now on, all at once, and returns their generation. */
    public Generation replace(List<Route> routes) {
        Objects.requireNonNull(routes, "routes");
        Generation next = current.updateAndGet(previous -> new Generation(previous.number() + 1, routes));
        lastReloadApplied = true;
        return next;
    }

    /** A reload was refused: the current generation keeps serving. */
    public void refused() {
        refusedReloads.incrementAndGet();
        lastReloadApplied = false;
    }

    /** How many reloads were refused since the start. */
    public long refusedReloads() {
        return refusedReloads.get();
    }

    /** Whether the last reload, if any, was applied. */
    public boolean lastReloadApplied() {
        return lastReloadApplied;
    }
}
