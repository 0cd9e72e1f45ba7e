package dev.aigateway.app;

import dev.aigateway.adapters.redis.RedisModule.RedisSettings;
import dev.aigateway.domain.Secret;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Reads Kong's {@code redis} block of {@code ai-rate-limiting-advanced}: a standalone Redis, with this gateway's
 * short timeouts as defaults, since a request waits for its limits.
 */
final class RedisConfigReader {
    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 6379;

    private RedisConfigReader() { }

    static RedisSettings read(ConfigNode node) {
        String standalone = "only a standalone Redis is supported";
        node.allowOnly(Set.of("host", "port", "username", "password", "database", "ssl", "ssl_verify", "timeout",
                "connect_timeout", "read_timeout", "send_timeout", "keepalive_pool_size", "keepalive_backlog"), Map.of(
                "sentinel_master", standalone, "sentinel_role", standalone, "sentinel_nodes", standalone,
                "sentinel_username", standalone, "sentinel_password", standalone, "cluster_nodes", standalone,
                "cluster_addresses", standalone, "cluster_max_redirections", standalone,
                "connection_is_proxied", standalone, "server_name", "TLS uses the host name"));
        long port = node.integer("port").orElse((long) DEFAULT_PORT);
        if (port < 1 || port > 65535) {
            throw node.error("port", "must be between 1 and 65535");
        }
        long database = node.integer("database").orElse(0L);
        if (database < 0 || database > Integer.MAX_VALUE) {
            throw node.error("database", "must be 0 or more");
        }
        Duration timeout = millis(node, "timeout", RedisSettings.DEFAULT_TIMEOUT);
        return new RedisSettings(node.string("host").orElse(DEFAULT_HOST), (int) port, node.string("username"),
                node.string("password").filter(password -> !password.isEmpty()).map(Secret::of), (int) database,
                node.bool("ssl").orElse(false), node.bool("ssl_verify").orElse(false),
                millis(node, "connect_timeout", timeout), millis(node, "read_timeout", timeout));
    }

    private static Duration millis(ConfigNode node, String field, Duration fallback) {
        long value = node.integer(field).orElse(fallback.toMillis());
        if (value < 1) {
            throw node.error(field, "must be at least 1 ms");
        }
        return Duration.ofMillis(value);
    }
}
