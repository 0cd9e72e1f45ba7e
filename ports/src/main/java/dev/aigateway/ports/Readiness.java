package dev.aigateway.ports;

import java.util.concurrent.atomic.AtomicBoolean;

/** Whether the gateway takes new traffic: true while running, false from the moment it starts shutting down. */
public final class Readiness {
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final boolean hasRoutes;

    /** @param hasRoutes whether the configuration has any usable route; a gateway without one is never ready */
    public Readiness(boolean hasRoutes) {
        this.hasRoutes = hasRoutes;
    }

    public boolean isReady() {
        return hasRoutes && !shuttingDown.get();
    }

    /** Marks the start of a shutdown; from now on the gateway reports itself not ready. */
    public void shuttingDown() {
        shuttingDown.set(true);
    }
}
