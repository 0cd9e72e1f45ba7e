package dev.aigateway.adapters.redis;

import dev.aigateway.adapters.redis.RedisModule.RedisSettings;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One connection to Redis, opened on first use, and the outage bookkeeping: every command is bounded by the
 * settings' timeout, commands fail at once while the connection is down (Lettuce reconnects in the background), a
 * failed first connection is retried at most once a second, and an outage is logged once when it starts and once
 * when it ends.
 */
final class RedisLink implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RedisLink.class.getName());
    private static final long RECONNECT_INTERVAL_NANOS = 1_000_000_000L;
    /**
     * How long the connection made at start may take to connect and shake hands. A fresh process loads and compiles
     * Lettuce and Netty on the way: on the bench's one core shared with the JIT that took longer than the 100 ms
     * default, so the start's connection failed, the start logged an outage that was none, and the first second's
     * requests found the link waiting for its next attempt. No request waits on this connection.
     */
    static final Duration START_ALLOWANCE = Duration.ofSeconds(2);

    private final Supplier<RedisSettings> configured;
    private RedisSettings settings;
    private volatile String address = "(not connected yet)";
    private RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;
    private long lastConnectAttemptNanos;
    private boolean connectedOnce;
    private volatile boolean down;

    /** @param configured where Redis is, asked for on first use: a gateway whose routes never use it has none */
    RedisLink(Supplier<RedisSettings> configured) {
        this.configured = configured;
    }

    /**
     * Runs one command and waits for its answer, or fails within the timeout. The wait has no deadline of its own:
     * Lettuce ends every command Redis has not answered within the timeout ({@link TimeoutOptions}), and a virtual
     * thread parked without a deadline spares the scheduler a timer per command (0.02-0.04 ms at p99, bench/README).
     *
     * @throws UncheckedIOException when Redis cannot be reached or does not answer in time
     */
    <T> T call(Function<RedisAsyncCommands<String, String>, ? extends CompletionStage<T>> command) {
        try {
            return send(command).toCompletableFuture().join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof UncheckedIOException unavailable) {
                throw unavailable;
            }
            throw failed;
        }
    }

    /**
     * Sends one command without waiting for its answer. Commands on the connection run in the order they were sent,
     * so any command sent after this one sees its effect.
     *
     * @return the answer, or an {@link UncheckedIOException} when Redis could not be reached or did not answer in
     *     time
     */
    <T> CompletionStage<T> send(Function<RedisAsyncCommands<String, String>, ? extends CompletionStage<T>> command) {
        CompletionStage<T> sent;
        try {
            sent = command.apply(connection().async());
        } catch (RedisException | IllegalStateException e) {
            return CompletableFuture.failedFuture(unavailable(e));
        }
        return sent.handle((result, failure) -> {
            if (failure != null) {
                throw unavailable(failure);
            }
            answered();
            return result;
        });
    }

    /**
     * Connects before the first request, allowing {@link #START_ALLOWANCE} for it; commands keep the configured
     * timeout.
     *
     * @throws UncheckedIOException when Redis cannot be reached within the allowance
     */
    void connectAtStart() {
        try {
            connect(START_ALLOWANCE);
        } catch (RedisException | IllegalStateException e) {
            throw unavailable(e);
        }
    }

    private void answered() {
        if (down) {
            down = false;
            LOG.log(Level.INFO, "Redis at " + address + " answers again; shared token limits apply again");
        }
    }

    private UncheckedIOException unavailable(Throwable cause) {
        if (!down) {
            down = true;
            LOG.log(Level.WARNING, "Redis at " + address + " is unavailable (" + cause.getClass().getSimpleName()
                    + "); requests on routes with shared token limits are served unchecked or refused, as each"
                    + " route's fail_open says, until it answers again");
        }
        return new UncheckedIOException(new IOException("Redis at " + address + " is unavailable", cause));
    }

    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> open = connection;
        return open != null ? open : connect(Duration.ZERO);
    }

    /** @param allowance the least time to connect and shake hands in, above the configured timeouts */
    private synchronized StatefulRedisConnection<String, String> connect(Duration allowance) {
        if (connection != null) {
            return connection;
        }
        long now = System.nanoTime();
        if (connectedOnce && now - lastConnectAttemptNanos < RECONNECT_INTERVAL_NANOS) {
            throw new IllegalStateException("not connected; the next attempt is due within a second");
        }
        connectedOnce = true;
        lastConnectAttemptNanos = now;
        if (client == null) {
            settings = configured.get();
            address = settings.host() + ":" + settings.port();
            client = RedisClient.create();
        }
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(longer(settings.connectTimeout(), allowance))
                        .build())
                .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
                .build());
        StatefulRedisConnection<String, String> opened =
                client.connect(uri(longer(settings.commandTimeout(), allowance)));
        connection = opened;
        return opened;
    }

    private static Duration longer(Duration one, Duration other) {
        return one.compareTo(other) >= 0 ? one : other;
    }

    /** @param handshakeTimeout how long the new connection's handshake may take */
    private RedisURI uri(Duration handshakeTimeout) {
        RedisURI.Builder uri = RedisURI.builder().withHost(settings.host()).withPort(settings.port())
                .withDatabase(settings.database()).withSsl(settings.ssl()).withVerifyPeer(settings.sslVerify())
                .withTimeout(handshakeTimeout);
        settings.password().ifPresent(password -> {
            if (settings.username().isPresent()) {
                uri.withAuthentication(settings.username().get(), password.reveal());
            } else {
                uri.withPassword(password.reveal().toCharArray());
            }
        });
        return uri.build();
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown();
        }
    }
}
