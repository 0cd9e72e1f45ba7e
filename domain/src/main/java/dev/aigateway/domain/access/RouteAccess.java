package dev.aigateway.domain.access;

import java.util.Objects;
import java.util.Optional;

/**
 * Who may use a route and how much: Kong's {@code key-auth}, {@code acl} and {@code ai-rate-limiting-advanced},
 * each when configured. A route with none is open to anyone who reaches it.
 */
public record RouteAccess(Optional<KeyAuth> keyAuth, Optional<AccessList> acl, Optional<TokenLimits> tokenLimits) {
    private static final RouteAccess OPEN = new RouteAccess(Optional.empty(), Optional.empty(), Optional.empty());

    public RouteAccess {
        Objects.requireNonNull(keyAuth, "keyAuth");
        Objects.requireNonNull(acl, "acl");
        Objects.requireNonNull(tokenLimits, "tokenLimits");
        if (acl.isPresent() && keyAuth.isEmpty()) {
            throw new IllegalArgumentException("acl needs key-auth: groups belong to authenticated consumers");
        }
    }

    /** No key, no groups, no limits. */
    public static RouteAccess open() {
        return OPEN;
    }

    /**
     * The consumer the request comes from, when the route authenticates; a request without a valid key gets a 401,
     * a consumer outside the route's groups a 403.
     */
    public Optional<Consumer> admit(KeySources sources) {
        if (keyAuth.isEmpty()) {
            return Optional.empty();
        }
        Consumer consumer = keyAuth.get().authenticate(sources);
        acl.ifPresent(list -> list.check(consumer));
        return Optional.of(consumer);
    }
}
