package dev.aigateway.ports.engine;

import dev.aigateway.domain.access.LimitCounter;
import dev.aigateway.ports.Reservation;
import dev.aigateway.ports.TokenWindows;
import dev.aigateway.ports.WindowReading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * Token windows in this instance's memory (Kong's {@code strategy: local}). One lock makes each reservation atomic:
 * it is held for a few map lookups, against an upstream call of many milliseconds.
 */
public final class LocalTokenWindows implements TokenWindows {
    private final LongSupplier millisClock;
    private final Map<Period, Long> counts = new HashMap<>();
    private long sweptAtMillis;

    /** One period of one counter; its length tells when it stops counting. */
    private record Period(String counter, long index, long sizeMillis) {
        static Period of(LimitCounter counter, long index) {
            return new Period(counter.id(), index, counter.window().windowSeconds() * 1000);
        }
    }

    /** @param millisClock the wall clock in milliseconds ({@code System::currentTimeMillis} outside tests) */
    public LocalTokenWindows(LongSupplier millisClock) {
        this.millisClock = millisClock;
    }

    @Override
    public synchronized Reservation reserve(List<LimitCounter> counters, long amount) {
        long now = millisClock.getAsLong();
        sweep(now);
        List<WindowReading> readings = new ArrayList<>(counters.size());
        boolean fits = true;
        for (LimitCounter counter : counters) {
            long size = counter.window().windowSeconds() * 1000;
            long index = now / size;
            long used = counter.type().used(count(Period.of(counter, index)), count(Period.of(counter, index - 1)),
                    now % size, size);
            WindowReading reading = new WindowReading(counter, index, used, size - now % size);
            fits &= reading.fits(amount);
            readings.add(reading);
        }
        if (!fits) {
            return new Reservation(false, readings);
        }
        List<WindowReading> admitted = new ArrayList<>(readings.size());
        for (WindowReading reading : readings) {
            counts.merge(Period.of(reading.counter(), reading.period()), amount, Long::sum);
            admitted.add(new WindowReading(reading.counter(), reading.period(), reading.used() + amount,
                    reading.resetMillis()));
        }
        return new Reservation(true, admitted);
    }

    @Override
    public synchronized CompletionStage<Void> adjust(Reservation reservation, long delta) {
        for (WindowReading reading : reservation.readings()) {
            counts.computeIfPresent(Period.of(reading.counter(), reading.period()),
                    (period, count) -> Math.max(0, count + delta));
        }
        return CompletableFuture.completedFuture(null);
    }

    private long count(Period period) {
        return counts.getOrDefault(period, 0L);
    }

    /** Once a minute at most, forgets periods too old to count: only the current and the previous one do. */
    private void sweep(long now) {
        if (now - sweptAtMillis < 60_000) {
            return;
        }
        sweptAtMillis = now;
        counts.keySet().removeIf(period -> period.index() < now / period.sizeMillis() - 1);
    }
}
