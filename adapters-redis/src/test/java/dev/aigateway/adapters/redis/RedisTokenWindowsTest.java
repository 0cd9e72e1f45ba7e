package dev.aigateway.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.adapters.redis.RedisModule.RedisSettings;
import dev.aigateway.domain.access.LimitCounter;
import dev.aigateway.domain.access.WindowType;
import dev.aigateway.ports.Reservation;
import dev.aigateway.ports.TokenWindows;
import dev.aigateway.ports.TokenWindowsContract;
import dev.aigateway.redistest.RedisServer;
import io.lettuce.core.resource.EpollProvider;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The windows in a real redis-server keep the contract the in-memory ones keep, are shared by two clients, and
 * answer within the timeout while Redis is down, and again once it is back.
 */
class RedisTokenWindowsTest extends TokenWindowsContract {
    private static RedisServer redis;
    private final List<RedisLink> links = new ArrayList<>();

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @AfterEach
    void closeLinks() {
        links.forEach(RedisLink::close);
    }

    private RedisTokenWindows connected(LongSupplier clock) {
        return new RedisTokenWindows(link(redis.port()), clock);
    }

    /** A link with the default timeouts to a Redis on this port, closed after the test. */
    private RedisLink link(int port) {
        RedisLink link = new RedisLink(() -> new RedisSettings("127.0.0.1", port, Optional.empty(), Optional.empty(), 0,
                false, false, RedisSettings.DEFAULT_TIMEOUT, RedisSettings.DEFAULT_TIMEOUT));
        links.add(link);
        return link;
    }

    @Override
    protected TokenWindows windows(LongSupplier clock) {
        return connected(clock);
    }

    @Test
    public void twoInstancesCountInTheSameWindows() {
        TokenWindows one = connected(now::get);
        TokenWindows other = connected(now::get);
        LimitCounter counter = counter(100, 60, WindowType.SLIDING);

        assertThat(one.reserve(List.of(counter), 60).admitted()).isTrue();
        assertThat(other.reserve(List.of(counter), 60).admitted()).isFalse();
        assertThat(other.reserve(List.of(counter), 40).readings().get(0).used()).isEqualTo(100);
    }

    @Test
    public void whileRedisIsDownAnswersFailFastAndCountingResumesWhenItIsBack() throws Exception {
        TokenWindows windows = connected(now::get);
        LimitCounter counter = counter(100, 60, WindowType.FIXED);
        windows.reserve(List.of(counter), 10);

        redis.stop();
        try {
            long started = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> windows.reserve(List.of(counter), 10))
                        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("unavailable");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        } finally {
            redis.startAgain();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Boolean admitted = null;
        while (admitted == null && System.nanoTime() < deadline) {
            try {
                admitted = windows.reserve(List.of(counter), 10).admitted();
            } catch (UncheckedIOException reconnecting) {
                Thread.sleep(100);
            }
        }
        assertThat(admitted).isTrue();
        assertThat(windows.reserve(List.of(counter), 0).readings().get(0).used())
                .as("a restarted Redis starts empty; the scripts are loaded again").isEqualTo(10);
    }

    @Test
    public void theReservationRunsByTheDigestRedisGivesIt() {
        String loaded = link(redis.port()).call(redis -> redis.scriptLoad(RedisTokenWindows.RESERVE));

        assertThat(loaded).isEqualTo(RedisTokenWindows.RESERVE_SHA);
    }

    @Test
    public void aSettlementIsSeenByTheNextReservationEvenWhenRedisForgotItsScript() {
        TokenWindows windows = connected(now::get);
        RedisLink other = link(redis.port());
        for (int i = 0; i < 50; i++) { // the order of two commands in flight: a race, so run it often
            LimitCounter counter = counter(100, 60, WindowType.FIXED);
            Reservation held = windows.reserve(List.of(counter), 80);
            // As after a restart, once another request's reservation ran: its script is back, the settlement's not.
            other.call(redis -> redis.scriptFlush()
                    .thenCompose(flushed -> redis.scriptLoad(RedisTokenWindows.RESERVE)));

            windows.adjust(held, 25 - 80); // not waited for: the next command on the connection must see it

            assertThat(windows.reserve(List.of(counter), 0).readings().get(0).used()).as("round " + i).isEqualTo(25);
        }
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    public void onLinuxTheClientUsesNettysEpollTransport() {
        assertThat(EpollProvider.isAvailable()).as("netty-transport-native-epoll on the runtime class path").isTrue();
    }

    @Test
    public void theConnectionAtStartMayTakeLongerThanACommandAndTheFirstRequestUsesIt() {
        TokenWindows windows = connected(now::get);
        LimitCounter counter = counter(100, 60, WindowType.FIXED);

        redis.pause(Duration.ofMillis(400));
        windows.warmUp();

        assertThat(windows.reserve(List.of(counter), 10).admitted())
                .as("connected at start although the handshake took longer than the 100 ms command timeout").isTrue();
    }

    @Test
    public void aRedisThatStallsFailsWithinTheCommandTimeoutAndAnswersAgainAfterwards() throws Exception {
        TokenWindows windows = connected(now::get);
        windows.warmUp();
        LimitCounter counter = counter(100, 60, WindowType.FIXED);

        redis.pause(Duration.ofMillis(1500));
        long started = System.nanoTime();
        assertThatThrownBy(() -> windows.reserve(List.of(counter), 10)).isInstanceOf(UncheckedIOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(600));

        Thread.sleep(1600);
        assertThat(windows.reserve(List.of(counter), 10).admitted()).isTrue();
    }

    @Test
    public void aRedisThatIsNotThereFailsWithinTheTimeout() {
        TokenWindows windows = new RedisTokenWindows(link(1), now::get);

        long started = System.nanoTime();
        assertThatThrownBy(() -> windows.reserve(List.of(counter(1, 1, WindowType.FIXED)), 1))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> windows.reserve(List.of(counter(1, 1, WindowType.FIXED)), 1))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }
}
