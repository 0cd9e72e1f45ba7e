package dev.aigateway.domain.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may use a route and how much: Kong's {@code key-auth}, {@code acl} and {@code ai-rate-limiting-advanced},
 * each when configured. A route with none is open to anyone who reaches it.
 *
 * @param tokenLimits the limits of every request on the route
 * @param consumerTokenLimits limits that replace them for one consumer (Kong's consumer-scoped plugin), by username
 */
public record RouteAccess(Optional<KeyAuth> keyAuth, Optional<AccessList> acl, Optional<TokenLimits> tokenLimits,
                          Map<String, TokenLimits> consumerTokenLimits) {
    private static final RouteAccess OPEN = new RouteAccess(Optional.empty(), Optional.empty(), Optional.empty());

    public RouteAccess {
        Objects.requireNonNull(keyAuth, "keyAuth");
        Objects.requireNonNull(acl, "acl");
        Objects.requireNonNull(tokenLimits, "tokenLimits");
        consumerTokenLimits = Map.copyOf(consumerTokenLimits);
        if (acl.isPresent() && keyAuth.isEmpty()) {
            throw new IllegalArgumentException("acl needs key-auth: groups belong to authenticated consumers");
        }
        if (!consumerTokenLimits.isEmpty() && keyAuth.isEmpty()) {
            throw new IllegalArgumentException("consumer limits need key-auth: without it no consumer is known");
        }
    }

    /** The same rules for every consumer. */
    public RouteAccess(Optional<KeyAuth> keyAuth, Optional<AccessList> acl, Optional<TokenLimits> tokenLimits) {
        this(keyAuth, acl, tokenLimits, Map.of());
    }

    /** The limits a request from this consumer counts in: its own when it has some, else the route's. */
    public Optional<TokenLimits> tokenLimitsFor(Optional<Consumer> consumer) {
        return consumer.map(Consumer::username).map(consumerTokenLimits::get).or(() -> tokenLimits);
    }

    /** Every set of limits the route may apply, whoever the consumer. */
    public List<TokenLimits> allTokenLimits() {
        List<TokenLimits> all = new ArrayList<>(consumerTokenLimits.values());
        tokenLimits.ifPresent(all::add);
        return all;
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
