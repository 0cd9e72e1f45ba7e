package dev.aigateway.app;

import dev.aigateway.adapters.http.HttpModule.ServerSettings;
import dev.aigateway.domain.route.Route;
import java.time.Duration;
import java.util.List;

/**
 * A validated configuration: where to listen, the routes to serve, and how long an upstream model list is reused
 * by {@code GET /v1/models}.
 *
 * @param listenOrigin where the host and port came from (the environment, the config, or the defaults), for the
 *     start line
 */
record GatewayConfig(ServerSettings server, List<Route> routes, Duration modelsCacheTtl, String listenOrigin) {
    GatewayConfig {
        routes = List.copyOf(routes);
    }
}
