package dev.aigateway.app;

import dev.aigateway.ports.engine.Readiness;
import io.helidon.webserver.WebServer;

/** A running gateway: builds the object graph for a config, starts listening, and stops. */
final class Gateway implements AutoCloseable {
    private final WebServer server;
    private final Readiness readiness;

    private Gateway(WebServer server, Readiness readiness) {
        this.server = server;
        this.readiness = readiness;
    }

    /**
     * Starts a gateway serving {@code config}.
     *
     * @throws IllegalStateException when the port cannot be bound (Helidon only logs that and carries on)
     */
    static Gateway start(GatewayConfig config) {
        GatewayComponent component = DaggerGatewayComponent.factory().create(config);
        WebServer server = component.server();
        server.start();
        if (!server.isRunning()) {
            throw new IllegalStateException("could not listen on " + config.server().host() + ":"
                    + config.server().port() + " (is the port in use?)");
        }
        return new Gateway(server, component.readiness());
    }

    int port() {
        return server.port();
    }

    /** Reports not ready from now on, so probes and load balancers stop sending traffic. */
    void beginShutdown() {
        readiness.shuttingDown();
    }

    /**
     * Stops: not ready, no new connections, and requests and streams in flight finish within the configured grace
     * period.
     */
    @Override
    public void close() {
        beginShutdown();
        server.stop();
    }
}
