package dev.aigateway.app;

import dev.aigateway.domain.route.Route;
import dev.aigateway.ports.ServerSettings;
import java.util.List;

/** A validated configuration: where to listen and the routes to serve. */
record GatewayConfig(ServerSettings server, List<Route> routes) {
    GatewayConfig {
        routes = List.copyOf(routes);
    }
}
