package dev.aigateway.app;

import dev.aigateway.adapters.http.HttpModule.AdminSettings;
import dev.aigateway.ports.ConfigReload;
import dev.aigateway.ports.TokenWindows;
import dev.aigateway.ports.engine.Readiness;
import io.helidon.webserver.WebServer;
import java.util.Optional;
import java.util.Set;

/** A running gateway: builds the object graph for a config, starts listening, and stops. */
final class Gateway implements AutoCloseable {
    private final WebServer server;
    private final Readiness readiness;
    private final GatewayConfig config;
    private final Set<AutoCloseable> closedAfterTheServer;
    private final ConfigReload reload;

    private Gateway(WebServer server, Readiness readiness, GatewayConfig config,
                    Set<AutoCloseable> closedAfterTheServer, ConfigReload reload) {
        this.server = server;
        this.readiness = readiness;
        this.config = config;
        this.closedAfterTheServer = closedAfterTheServer;
        this.reload = reload;
    }

    /**
     * Reads the configuration from {@code source} and starts a gateway serving it.
     *
     * @throws ConfigException when the configuration is invalid
     * @throws IllegalArgumentException when a route needs what its provider does not serve
     * @throws IllegalStateException when the port cannot be bound (Helidon only logs that and carries on)
     */
    static Gateway start(ConfigSource source) {
        GatewayComponent component = DaggerGatewayComponent.factory().create(source);
        GatewayConfig config = component.config();
        WebServer server = component.server();
        component.counterStores().values().forEach(TokenWindows::warmUp);
        server.start();
        if (!server.isRunning()) {
            throw new IllegalStateException("could not listen on " + config.server().host() + ":"
                    + config.server().port() + " (is the port in use?)");
        }
        return new Gateway(server, component.readiness(), config, component.closedWithTheGateway(),
                component.configReload());
    }

    /** Starts a gateway serving a configuration already read. */
    static Gateway start(GatewayConfig config) {
        return start(providers -> config);
    }

    GatewayConfig config() {
        return config;
    }

    int port() {
        return server.port();
    }

    /** The admin listener's port, when the configuration opened one. */
    Optional<Integer> adminPort() {
        return config.admin().map(admin -> server.port(AdminSettings.SOCKET));
    }

    /** Reads the configuration's source again and swaps the routes, or keeps them when it is invalid. */
    ConfigReload.Outcome reload() {
        return reload.reload(Optional.empty());
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
        for (AutoCloseable closeable : closedAfterTheServer) {
            try {
                closeable.close();
            } catch (Exception e) {
                System.getLogger(Gateway.class.getName()).log(System.Logger.Level.WARNING,
                        "could not close " + closeable.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
