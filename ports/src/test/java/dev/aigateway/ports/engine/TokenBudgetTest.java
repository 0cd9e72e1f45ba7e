package dev.aigateway.ports.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.Usage;
import dev.aigateway.domain.access.Consumer;
import dev.aigateway.domain.access.CounterStore;
import dev.aigateway.domain.access.LimitCounter;
import dev.aigateway.domain.access.LimitMatch;
import dev.aigateway.domain.access.LimitPolicy;
import dev.aigateway.domain.access.LimitSubject;
import dev.aigateway.domain.access.LimitWindow;
import dev.aigateway.domain.access.RouteAccess;
import dev.aigateway.domain.access.TokenCount;
import dev.aigateway.domain.access.TokenLimits;
import dev.aigateway.domain.access.WindowType;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.error.LimitState;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteAnalytics;
import dev.aigateway.domain.route.RoutePolicy;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.ports.Cancellation;
import dev.aigateway.ports.RequestContext;
import dev.aigateway.ports.Reservation;
import dev.aigateway.ports.TokenWindows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Reserve the worst case, refuse what does not fit, settle on the usage, and what a store outage leads to. */
class TokenBudgetTest {
    private final AtomicLong now = new AtomicLong(3_600_000L * 1000);
    private final LocalTokenWindows local = new LocalTokenWindows(now::get);
    private final List<List<LimitState>> reported = new ArrayList<>();

    private static Route route(boolean failOpen) {
        TokenLimits limits = new TokenLimits("chat", CounterStore.LOCAL, WindowType.FIXED, TokenCount.TOTAL_TOKENS,
                List.of(new LimitPolicy(List.of(new LimitMatch(LimitMatch.Type.CONSUMER, Optional.empty(), Set.of(),
                        true)), List.of(new LimitWindow(100, 60)))), failOpen, 50);
        return Route.single("chat", List.of("/chat"), RouteType.CHAT, 1024, true, RoutePolicy.defaults(),
                new UpstreamTarget("mistral", Optional.empty(), Optional.empty(), Optional.empty()),
                RouteAnalytics.none()).withAccess(new RouteAccess(Optional.empty(), Optional.empty(),
                Optional.of(limits)));
    }

    private RequestContext from(String consumer) {
        return new RequestContext("req", Optional.empty(), Map.of(), Cancellation.NONE,
                Optional.ofNullable(consumer).map(name -> new Consumer(name, Set.of())), "/chat", reported::add);
    }

    private static long used(TokenWindows windows, Route route, String consumer) {
        LimitCounter counter = route.access().tokenLimits().orElseThrow().countersFor(
                new LimitSubject(Optional.of(new Consumer(consumer, Set.of())), "m",
                        Map.of(), "/chat")).get(0);
        return windows.reserve(List.of(counter), 0).readings().get(0).used();
    }

    @Test
    void reservesThePromptAndMaxTokensThenSettlesOnTheUsage() {
        TokenBudget budget = new TokenBudget(Map.of(CounterStore.LOCAL, local));
        Route route = route(false);

        TokenBudget.Hold hold = budget.reserve(route, from("a"), "m", () -> new TokenBudget.Demand(10, Optional.of(20)));

        assertThat(used(local, route, "a")).isEqualTo(30);
        assertThat(reported).singleElement().satisfies(windows -> assertThat(windows).singleElement()
                .isEqualTo(new LimitState(60, 0, "100", "70", 60)));
        hold.settle(Optional.of(new Usage(12, 5, 17)), Optional.empty());
        assertThat(used(local, route, "a")).isEqualTo(17);
    }

    @Test
    void aRequestWithoutMaxTokensReservesTheConfiguredEstimateAndAFailureReleasesIt() {
        TokenBudget budget = new TokenBudget(Map.of(CounterStore.LOCAL, local));
        Route route = route(false);

        TokenBudget.Hold hold = budget.reserve(route, from("a"), "m", () -> new TokenBudget.Demand(10, Optional.empty()));
        assertThat(used(local, route, "a")).isEqualTo(60);
        hold.settle(Optional.empty(), Optional.empty());

        assertThat(used(local, route, "a")).isZero();
    }

    @Test
    void aRequestThatDoesNotFitIsRefusedWithItsWindowsAndCountsNothing() {
        TokenBudget budget = new TokenBudget(Map.of(CounterStore.LOCAL, local));
        Route route = route(false);
        budget.reserve(route, from("a"), "m", () -> new TokenBudget.Demand(10, Optional.of(70)));

        assertThatThrownBy(() -> budget.reserve(route, from("a"), "m", () -> new TokenBudget.Demand(10, Optional.of(20))))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    GatewayError.RateLimited limited = (GatewayError.RateLimited) e.error();
                    assertThat(limited.retryAfterSeconds()).isEqualTo(60);
                    assertThat(limited.windows()).containsExactly(new LimitState(60, 0, "100", "20", 60));
                    assertThat(limited.message()).contains("up to 30 tokens", "20 of the 100 tokens per 60 s");
                });
        assertThat(used(local, route, "a")).isEqualTo(80);
        assertThat(budget.reserve(route, from("b"), "m", () -> new TokenBudget.Demand(10, Optional.of(20))))
                .isNotNull();
    }

    @Test
    void aRequestNoPolicyMatchesIsNotCounted() {
        TokenBudget budget = new TokenBudget(Map.of(CounterStore.LOCAL, local));

        assertThat(budget.reserve(route(false), from(null), "m", () -> {
            throw new AssertionError("a request that counts in no window is not estimated");
        })).isSameAs(TokenBudget.Hold.NONE);
        assertThat(reported).isEmpty();
    }

    @Test
    void anUnavailableStoreFailsClosedOrOpenAsTheRouteSays() {
        TokenWindows down = new TokenWindows() {
            @Override
            public Reservation reserve(List<LimitCounter> counters, long amount) {
                throw new UncheckedIOException(new IOException("down"));
            }

            @Override
            public CompletionStage<Void> adjust(Reservation reservation, long delta) {
                throw new UncheckedIOException(new IOException("down"));
            }
        };
        TokenBudget budget = new TokenBudget(Map.of(CounterStore.LOCAL, down));
        Supplier<TokenBudget.Demand> demand = () -> new TokenBudget.Demand(10, Optional.of(20));

        assertThatThrownBy(() -> budget.reserve(route(false), from("a"), "m", demand))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.error()).isInstanceOf(GatewayError.LimitsUnavailable.class));
        assertThat(budget.reserve(route(true), from("a"), "m", demand)).satisfies(hold -> assertThat(hold.unchecked()).isTrue());
    }

    @Test
    void aSettlementTheStoreMissedIsTriedAgainUntilItLands() throws InterruptedException {
        AtomicInteger failuresLeft = new AtomicInteger(2);
        TokenWindows flaky = new WatchedWindows(local, (reservation, delta) -> {
            int left = failuresLeft.getAndDecrement();
            if (left == 2) {
                throw new UncheckedIOException(new IOException("blip"));
            }
            if (left == 1) {
                return CompletableFuture.failedFuture(new UncheckedIOException(new IOException("late blip")));
            }
            return local.adjust(reservation, delta);
        });
        TokenBudget budget = new TokenBudget(Map.of(CounterStore.LOCAL, flaky));
        Route route = route(false);

        budget.reserve(route, from("a"), "m", () -> new TokenBudget.Demand(10, Optional.of(20)))
                .settle(Optional.of(new Usage(40, 20, 60)), Optional.empty());

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (used(local, route, "a") != 60 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(used(local, route, "a")).isEqualTo(60);
    }
}
