package dev.aigateway.ports;

import java.time.Duration;
import java.util.Objects;

/**
 * How the gateway listens and protects itself.
 *
 * @param host the address to bind, e.g. {@code 0.0.0.0}
 * @param port the port; 0 picks a free one
 * @param maxConcurrentRequests requests served at once; more get a 503 with {@code Retry-After}
 * @param clientReadTimeout the longest wait for the next bytes of a client's request (headers or body), so a
 *     client that stalls mid-request cannot hold a connection forever
 * @param maxHeadersBytes the largest request header block; larger gets 431
 * @param maxRequestLineBytes the longest request line; longer gets an error
 * @param shutdownGrace how long requests and streams in flight may run on after a stop signal
 * @param sseHeartbeat how long a stream to a client may stay silent before a comment line is sent, which keeps
 *     proxies from timing it out and shows when the client has left
 * @param limits the largest collections a request may carry
 */
public record ServerSettings(String host, int port, int maxConcurrentRequests, Duration clientReadTimeout,
                             int maxHeadersBytes, int maxRequestLineBytes, Duration shutdownGrace,
                             Duration sseHeartbeat, RequestLimits limits) {
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 4096;
    public static final Duration DEFAULT_CLIENT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_HEADERS_BYTES = 16 * 1024;
    public static final int DEFAULT_MAX_REQUEST_LINE_BYTES = 8 * 1024;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_SSE_HEARTBEAT = Duration.ofSeconds(15);

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (maxConcurrentRequests < 1 || maxHeadersBytes < 1 || maxRequestLineBytes < 1) {
            throw new IllegalArgumentException("server limits must be positive");
        }
        Objects.requireNonNull(clientReadTimeout, "clientReadTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(sseHeartbeat, "sseHeartbeat");
        Objects.requireNonNull(limits, "limits");
    }

    /** Listening on {@code host:port} with every other setting at its default. */
    public static ServerSettings defaults(String host, int port) {
        return new ServerSettings(host, port, DEFAULT_MAX_CONCURRENT_REQUESTS, DEFAULT_CLIENT_READ_TIMEOUT,
                DEFAULT_MAX_HEADERS_BYTES, DEFAULT_MAX_REQUEST_LINE_BYTES, DEFAULT_SHUTDOWN_GRACE,
                DEFAULT_SSE_HEARTBEAT, RequestLimits.defaults());
    }
}
