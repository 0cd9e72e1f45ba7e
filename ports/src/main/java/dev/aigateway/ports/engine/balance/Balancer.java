package dev.aigateway.ports.engine.balance;

import java.util.Set;

/** Picks one of a route's targets for each attempt; thread-safe, and in memory per gateway instance. */
public interface Balancer {

    /**
     * The index of the target to try, among those not in {@code excluded}, or -1 when none is left.
     *
     * @param key what the algorithm keys on, when the request has it: the header value consistent hashing hashes,
     *     the prompt semantic routing compares
     */
    int pick(Set<Integer> excluded, String key);

    /** An attempt on {@code target} starts. */
    default void started(int target) { }

    /** An attempt on {@code target} ended. */
    default void finished(int target, TargetFeedback feedback) { }
}
