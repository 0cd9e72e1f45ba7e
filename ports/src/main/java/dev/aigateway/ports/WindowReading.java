package dev.aigateway.ports;

import dev.aigateway.domain.access.LimitCounter;
import java.util.Objects;

/**
 * One window as a reservation left it.
 *
 * @param period which period of the window the reservation counted in (the window's start over its size)
 * @param used the units counted in the window, the reservation's own included when it was admitted (for sliding
 *     windows, with the previous period weighted by its overlap)
 * @param resetMillis milliseconds until the period ends
 */
public record WindowReading(LimitCounter counter, long period, long used, long resetMillis) {
    public WindowReading {
        Objects.requireNonNull(counter, "counter");
    }

    /** Whether {@code amount} more would still fit. */
    public boolean fits(long amount) {
        return used + amount <= counter.window().limit();
    }
}
