package dev.aigateway.app;

import dev.aigateway.adapters.http.HttpModule.AdminSettings;
import dev.aigateway.adapters.http.HttpModule.ServerSettings;
import dev.aigateway.adapters.otel.OtelModule.TracingSettings;
import dev.aigateway.adapters.redis.RedisModule.RedisSettings;
import dev.aigateway.domain.route.Route;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated configuration: where to listen, the routes to serve, and how long an upstream model list is reused
 * by {@code GET /v1/models}.
 *
 * @param listenOrigin where the host and port came from (the environment, the config, or the defaults), for the
 *     start line
 * @param redis where the shared token-limit counters are, when a route keeps its counters in Redis
 * @param admin the admin listener, when the config asks for one
 * @param tracing whether and where exchanges are traced
 */
record GatewayConfig(ServerSettings server, List<Route> routes, Duration modelsCacheTtl, String listenOrigin,
                     Optional<RedisSettings> redis, Optional<AdminSettings> admin, TracingSettings tracing) {
    GatewayConfig {
        routes = List.copyOf(routes);
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(tracing, "tracing");
    }
}
