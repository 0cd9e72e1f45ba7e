package dev.aigateway.adapters.redis;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.IntoSet;
import dagger.multibindings.StringKey;
import dev.aigateway.domain.Secret;
import dev.aigateway.ports.TokenWindows;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.inject.Provider;
import javax.inject.Singleton;

/**
 * Token-limit windows every gateway instance shares, in Redis (Kong's {@code strategy: redis}). Nothing connects
 * until a route with such limits serves its first request.
 */
@Module
public final class RedisModule {
    /** The key the shared windows are registered under: the config's name for the strategy. */
    public static final String STRATEGY = "redis";

    private RedisModule() { }

    /**
     * Where Redis is and how long the gateway waits for it (Kong's {@code redis} block).
     *
     * @param database the database index
     * @param ssl whether to speak TLS; @param sslVerify whether to verify the server's certificate
     * @param connectTimeout the longest wait for a connection
     * @param commandTimeout the longest wait for an answer: the time a request can lose to an unavailable Redis
     */
    public record RedisSettings(String host, int port, Optional<String> username, Optional<Secret> password,
                                int database, boolean ssl, boolean sslVerify, Duration connectTimeout,
                                Duration commandTimeout) {
        /** This gateway's default for both timeouts: a request never waits longer for its limits. */
        public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(100);

        public RedisSettings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(commandTimeout, "commandTimeout");
        }
    }

    @Provides
    @Singleton
    static RedisLink link(Provider<RedisSettings> settings) {
        return new RedisLink(settings::get);
    }

    @Provides
    @IntoMap
    @StringKey(STRATEGY)
    static TokenWindows sharedWindows(RedisLink link) {
        return new RedisTokenWindows(link, System::currentTimeMillis);
    }

    /** The connection is closed with the gateway. */
    @Provides
    @IntoSet
    static AutoCloseable closesWithTheGateway(RedisLink link) {
        return link;
    }
}
