package dev.aigateway.ports;

import dev.aigateway.domain.access.LimitCounter;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where token-limit counters live: in one instance's memory, or in a store all instances share. Each call is one
 * atomic step, so that parallel requests on any instance cannot together take more than a window holds.
 */
public interface TokenWindows {

    /**
     * Adds {@code amount} to the current period of every counter if it fits in all of them, or to none.
     *
     * @throws java.io.UncheckedIOException when the store cannot answer within its time budget
     */
    Reservation reserve(List<LimitCounter> counters, long amount);

    /**
     * Adds {@code delta} (negative to give units back) to the periods a reservation counted in. A store may apply
     * it after returning, but before any reservation this instance asks for after the call.
     *
     * @return done when applied; failed with an {@link java.io.UncheckedIOException} when the store could not apply
     *     it within its time budget (or the call throws one)
     */
    CompletionStage<Void> adjust(Reservation reservation, long delta);

    /**
     * Gets ready for the first request (a shared store connects and prepares its scripts), so that it does not pay
     * for that; a store that cannot get ready now says so in its own log and tries again on use.
     */
    default void warmUp() {
    }
}
