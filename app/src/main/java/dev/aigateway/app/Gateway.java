package dev.aigateway.app;

import io.helidon.webserver.WebServer;

/** A running gateway: builds the object graph for a config, starts listening, and stops. */
final class Gateway implements AutoCloseable {
    private final WebServer server;

    private Gateway(WebServer server) {
        this.server = server;
    }

    /**
     * Starts a gateway serving {@code config}.
     *
     * @throws IllegalStateException when the port cannot be bound (Helidon only logs that and carries on)
     */
    static Gateway start(GatewayConfig config) {
        WebServer server = DaggerGatewayComponent.factory().create(config).server();
        server.start();
        if (!server.isRunning()) {
            throw new IllegalStateException("could not listen on " + config.server().host() + ":"
                    + config.server().port() + " (is the port in use?)");
        }
        return new Gateway(server);
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
