package dev.aigateway.ports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.domain.access.LimitCounter;
import dev.aigateway.domain.access.LimitWindow;
import dev.aigateway.domain.access.WindowType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TokenWindows} must do, whether it counts in memory or in a shared store: each store's test
 * extends this class and says how to make one on a given clock.
 */
public abstract class TokenWindowsContract {
    /** A minute-aligned start, so that periods begin where the tests expect. */
    protected static final long START = 1_800_000_000_000L - 1_800_000_000_000L % 3_600_000;
    protected final AtomicLong now = new AtomicLong(START);

    /** A store reading time from {@code clock} (milliseconds), with no counters yet. */
    protected abstract TokenWindows windows(LongSupplier clock);

    private static int counters;

    /** A counter no other test uses, so that a shared store needs no cleaning between tests. */
    protected static LimitCounter counter(long limit, long windowSeconds, WindowType type) {
        return new LimitCounter("contract-" + System.nanoTime() + "-" + counters++, 0,
                new LimitWindow(limit, windowSeconds), type);
    }

    @Test
    public void aReservationThatFitsIsCountedAndReported() {
        TokenWindows windows = windows(now::get);
        LimitCounter counter = counter(100, 60, WindowType.FIXED);

        Reservation first = windows.reserve(List.of(counter), 30);
        Reservation second = windows.reserve(List.of(counter), 30);

        assertThat(first.admitted()).isTrue();
        assertThat(first.readings().get(0).used()).isEqualTo(30);
        assertThat(first.readings().get(0).resetMillis()).isEqualTo(60_000);
        assertThat(second.readings().get(0).used()).isEqualTo(60);
    }

    @Test
    public void aReservationThatDoesNotFitInOneWindowIsCountedInNone() {
        TokenWindows windows = windows(now::get);
        LimitCounter roomy = counter(1000, 60, WindowType.FIXED);
        LimitCounter tight = counter(50, 3600, WindowType.FIXED);

        assertThat(windows.reserve(List.of(roomy, tight), 40).admitted()).isTrue();
        Reservation refused = windows.reserve(List.of(roomy, tight), 40);

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.readings()).extracting(WindowReading::used).containsExactly(40L, 40L);
        assertThat(windows.reserve(List.of(roomy), 0).readings().get(0).used()).isEqualTo(40);
    }

    @Test
    public void anAdjustmentReplacesTheReservationByWhatWasUsed() {
        TokenWindows windows = windows(now::get);
        LimitCounter counter = counter(100, 60, WindowType.FIXED);

        Reservation held = windows.reserve(List.of(counter), 80);
        windows.adjust(held, 25 - 80);

        assertThat(windows.reserve(List.of(counter), 0).readings().get(0).used()).isEqualTo(25);
        assertThat(windows.reserve(List.of(counter), 75).admitted()).isTrue();
    }

    @Test
    public void aFixedWindowStartsEmptyEachPeriod() {
        TokenWindows windows = windows(now::get);
        LimitCounter counter = counter(100, 60, WindowType.FIXED);
        windows.reserve(List.of(counter), 100);

        now.addAndGet(59_000);
        assertThat(windows.reserve(List.of(counter), 1).admitted()).isFalse();
        now.addAndGet(1_000);
        Reservation next = windows.reserve(List.of(counter), 100);

        assertThat(next.admitted()).isTrue();
        assertThat(next.readings().get(0).resetMillis()).isEqualTo(60_000);
    }

    @Test
    public void aSlidingWindowWeighsThePreviousPeriodByItsOverlap() {
        TokenWindows windows = windows(now::get);
        LimitCounter counter = counter(100, 60, WindowType.SLIDING);
        windows.reserve(List.of(counter), 80);

        now.addAndGet(60_000 + 15_000);
        Reservation reading = windows.reserve(List.of(counter), 0);

        assertThat(reading.readings().get(0).used()).isEqualTo(60);
        assertThat(windows.reserve(List.of(counter), 41).admitted()).isFalse();
        assertThat(windows.reserve(List.of(counter), 40).admitted()).isTrue();
    }

    @Test
    public void parallelReservationsTakeNoMoreThanTheWindowHolds() throws Exception {
        TokenWindows windows = windows(now::get);
        LimitCounter counter = counter(200, 60, WindowType.SLIDING);
        List<Callable<Boolean>> burst = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            burst.add(() -> windows.reserve(List.of(counter), 10).admitted());
        }
        int admitted = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Future<Boolean> result : pool.invokeAll(burst)) {
                admitted += result.get() ? 1 : 0;
            }
        }

        assertThat(admitted).isEqualTo(20);
        assertThat(windows.reserve(List.of(counter), 0).readings().get(0).used()).isEqualTo(200);
    }
}
