package dev.aigateway.domain.access;

import java.util.Collections;
import java.util.Set;

/**
 * Kong's {@code acl}: which consumer groups may use a route. Exactly one of the two lists is set.
 *
 * @param allow groups of which a consumer must be in at least one
 * @param deny groups of which a consumer must be in none
 */
public record AccessList(Set<String> allow, Set<String> deny) {
    public AccessList {
        allow = Set.copyOf(allow);
        deny = Set.copyOf(deny);
        if (allow.isEmpty() == deny.isEmpty()) {
            throw new IllegalArgumentException("acl needs either allow or deny groups, not both or neither");
        }
    }

    /** Lets the consumer through, or refuses it with a 403. */
    public void check(Consumer consumer) {
        boolean admitted = allow.isEmpty()
                ? Collections.disjoint(deny, consumer.groups()) : !Collections.disjoint(allow, consumer.groups());
        if (!admitted) {
            throw AccessDenied.forbidden("consumer " + consumer.username() + " cannot use this route");
        }
    }
}
