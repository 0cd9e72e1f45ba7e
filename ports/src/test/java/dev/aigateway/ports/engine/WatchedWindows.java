package dev.aigateway.ports.engine;

import dev.aigateway.domain.access.LimitCounter;
import dev.aigateway.ports.Reservation;
import dev.aigateway.ports.TokenWindows;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/** Token windows whose settlements go to a test's function, which may watch them, fail them or pass them on. */
record WatchedWindows(TokenWindows real, BiFunction<Reservation, Long, CompletionStage<Void>> adjusting)
        implements TokenWindows {
    @Override
    public Reservation reserve(List<LimitCounter> counters, long amount) {
        return real.reserve(counters, amount);
    }

    @Override
    public CompletionStage<Void> adjust(Reservation reservation, long delta) {
        return adjusting.apply(reservation, delta);
    }
}
