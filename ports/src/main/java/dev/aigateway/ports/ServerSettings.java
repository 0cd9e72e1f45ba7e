package dev.aigateway.ports;

import java.util.Objects;

/**
 * Where the gateway listens.
 *
 * @param host the address to bind, e.g. {@code 0.0.0.0}
 * @param port the port; 0 picks a free one
 */
public record ServerSettings(String host, int port) {
    public ServerSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
    }
}
