package dev.aigateway.ports.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the gateway takes new traffic: true while running, false from the moment it starts shutting down; parts
 * of the gateway that must act on shutdown register for it here.
 */
public final class Readiness {
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final List<Runnable> onShutdown = new CopyOnWriteArrayList<>();
    private final boolean hasRoutes;

    /** @param hasRoutes whether the configuration has any usable route; a gateway without one is never ready */
    public Readiness(boolean hasRoutes) {
        this.hasRoutes = hasRoutes;
    }

    public boolean isReady() {
        return hasRoutes && !shuttingDown.get();
    }

    /** Marks the start of a shutdown; from now on the gateway reports itself not ready. Runs the listeners once. */
    public void shuttingDown() {
        if (shuttingDown.compareAndSet(false, true)) {
            onShutdown.forEach(Runnable::run);
        }
    }

    /** Runs {@code listener} when shutdown begins. */
    public void onShutdown(Runnable listener) {
        onShutdown.add(listener);
    }
}
