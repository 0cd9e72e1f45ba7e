package dev.aigateway.domain.access;

import java.util.Objects;
import java.util.Set;

/**
 * A client the gateway knows by name (Kong's consumer), with the ACL groups it belongs to.
 *
 * @param username the consumer's name, unique, shown in logs and metrics
 * @param groups the groups Kong's {@code acl} plugin checks
 */
public record Consumer(String username, Set<String> groups) {
    public Consumer {
        Objects.requireNonNull(username, "username");
        if (username.isBlank()) {
            throw new IllegalArgumentException("a consumer needs a username");
        }
        groups = Set.copyOf(groups);
    }
}
