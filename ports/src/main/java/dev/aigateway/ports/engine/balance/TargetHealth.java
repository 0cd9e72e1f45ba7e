package dev.aigateway.ports.engine.balance;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One target's circuit breaker: {@code maxFails} failures within {@code failTimeout} take it out for
 * {@code failTimeout}; then one probe request decides whether it is back. Also keeps a target out until the time
 * a 429's {@code Retry-After} named.
 */
final class TargetHealth {
    private final int maxFails;
    private final long windowNanos;
    private final Deque<Long> failures = new ArrayDeque<>();
    private long openUntil;
    private boolean open;
    private boolean probing;
    private long skipUntil;

    TargetHealth(int maxFails, long windowNanos) {
        this.maxFails = maxFails;
        this.windowNanos = windowNanos;
    }

    /** Whether a request may go to this target now; in the half-open state, only the one probe may. */
    synchronized boolean admit(long now) {
        if (now < skipUntil) {
            return false;
        }
        if (!open) {
            return true;
        }
        if (now < openUntil || probing) {
            return false;
        }
        probing = true;
        return true;
    }

    synchronized void succeeded() {
        open = false;
        probing = false;
        failures.clear();
    }

    synchronized void failed(long now) {
        if (maxFails == 0) {
            return;
        }
        if (open) {
            probing = false;
            openUntil = now + windowNanos;
            return;
        }
        failures.addLast(now);
        while (!failures.isEmpty() && now - failures.peekFirst() > windowNanos) {
            failures.removeFirst();
        }
        if (failures.size() >= maxFails) {
            open = true;
            openUntil = now + windowNanos;
            failures.clear();
        }
    }

    synchronized void skipUntil(long until) {
        skipUntil = Math.max(skipUntil, until);
    }

    /** When this target can take requests again, if it is out now. */
    synchronized long availableAt(long now) {
        long at = now;
        if (open) {
            at = Math.max(at, openUntil);
        }
        return Math.max(at, skipUntil);
    }
}
