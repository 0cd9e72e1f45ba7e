package dev.aigateway.ports.engine;

import dev.aigateway.domain.Usage;
import dev.aigateway.domain.access.CounterStore;
import dev.aigateway.domain.access.LimitCounter;
import dev.aigateway.domain.access.LimitSubject;
import dev.aigateway.domain.access.TokenCount;
import dev.aigateway.domain.access.TokenLimits;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.error.LimitState;
import dev.aigateway.domain.route.Pricing;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteTarget;
import dev.aigateway.ports.RequestContext;
import dev.aigateway.ports.Reservation;
import dev.aigateway.ports.TokenWindows;
import dev.aigateway.ports.WindowReading;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A route's token limits applied to one request: before it goes upstream, its worst case is reserved in every
 * window it counts in, or it is refused; when it ends, the reservation is replaced by what it used.
 */
final class TokenBudget {
    private static final int SETTLEMENT_RETRIES = 5;
    private static final long SETTLEMENT_RETRY_PAUSE_MILLIS = 200;

    private final Map<CounterStore, TokenWindows> stores;

    TokenBudget(Map<CounterStore, TokenWindows> stores) {
        this.stores = Map.copyOf(stores);
    }

    /**
     * What a request may take at most.
     *
     * @param promptTokens the prompt's estimated tokens
     * @param maxTokens the most tokens it asks the answer to have, when it says
     */
    record Demand(int promptTokens, Optional<Integer> maxTokens) { }

    /** What a request holds in its windows until it settles. */
    interface Hold {
        /** Nothing held: the route has no limits. */
        Hold NONE = (used, pricing) -> { };

        /** Nothing held: the windows could not be checked and the route serves unchecked ({@code fail_open}). */
        Hold UNCHECKED = new Hold() {
            @Override
            public void settle(Optional<Usage> used, Optional<Pricing> pricing) { }

            @Override
            public boolean unchecked() {
                return true;
            }
        };

        /** Replaces the reservation by what the request used (nothing, when it failed before an answer), once. */
        void settle(Optional<Usage> used, Optional<Pricing> pricing);

        /** Whether the request is served without its limits, the counter store being unavailable. */
        default boolean unchecked() {
            return false;
        }
    }

    /**
     * Reserves the request's worst case in every window it counts in, and reports the windows to the ingress. The
     * demand is estimated only when the request counts in a window: routes without limits pay nothing for it.
     *
     * @throws GatewayException {@link GatewayError.RateLimited} when it does not fit,
     *     {@link GatewayError.LimitsUnavailable} when the store cannot answer and the route does not fail open
     */
    Hold reserve(Route route, RequestContext context, String model, Supplier<Demand> demandOf) {
        Optional<TokenLimits> applying = route.access().tokenLimitsFor(context.consumer());
        if (applying.isEmpty()) {
            return Hold.NONE;
        }
        TokenLimits limits = applying.get();
        List<LimitCounter> counters = limits.countersFor(new LimitSubject(context.consumer(), model,
                context.headers(), context.path()));
        if (counters.isEmpty()) {
            return Hold.NONE;
        }
        Demand demand = demandOf.get();
        int completion = Math.max(demand.maxTokens().orElse(limits.estimatedCompletionTokens()),
                route.primary().policy().tuning().maxTokens().orElse(0));
        Usage worstCase = new Usage(demand.promptTokens(), completion, demand.promptTokens() + completion);
        long estimate = limits.count().units(worstCase, dearest(route).map(pricing -> pricing.costOf(worstCase)));
        TokenWindows store = stores.get(limits.store());
        Reservation reservation;
        try {
            reservation = store.reserve(counters, estimate);
        } catch (UncheckedIOException unavailable) {
            if (limits.failOpen()) {
                return Hold.UNCHECKED;
            }
            throw new GatewayException(new GatewayError.LimitsUnavailable());
        }
        List<LimitState> states = reservation.readings().stream().map(reading -> state(limits.count(), reading))
                .toList();
        if (!reservation.admitted()) {
            throw new GatewayException(refusal(limits.count(), estimate, reservation, states));
        }
        context.limits().windows(states);
        return (used, pricing) -> {
            long actual = used.map(usage -> limits.count().units(usage, pricing.map(p -> p.costOf(usage))))
                    .orElse(0L);
            if (actual != estimate) {
                settle(store, reservation, actual - estimate, 0);
            }
        };
    }

    /**
     * Adds what a request used beyond (or gives back what it used below) its reservation. When the store cannot
     * answer, the settlement is tried again in the background, a few times over about three seconds: the
     * reservation alone can count less than the provider used, and the difference must not be lost to a blip.
     */
    private static void settle(TokenWindows store, Reservation reservation, long delta, int attempt) {
        try {
            store.adjust(reservation, delta).whenComplete((done, failure) -> {
                if (failure != null) {
                    retryLater(store, reservation, delta, attempt);
                }
            });
        } catch (UncheckedIOException unavailable) {
            retryLater(store, reservation, delta, attempt);
        }
    }

    private static void retryLater(TokenWindows store, Reservation reservation, long delta, int attempt) {
        if (attempt < SETTLEMENT_RETRIES) {
            Thread.ofVirtual().name("token-settlement-retry").start(() -> {
                try {
                    Thread.sleep(SETTLEMENT_RETRY_PAUSE_MILLIS * (attempt + 1));
                    settle(store, reservation, delta, attempt + 1);
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    private static GatewayError.RateLimited refusal(TokenCount count, long estimate, Reservation reservation,
                                                    List<LimitState> states) {
        WindowReading full = reservation.readings().stream().filter(reading -> !reading.fits(estimate))
                .max(Comparator.comparingLong(WindowReading::resetMillis)).orElseThrow();
        long limit = full.counter().window().limit();
        long retryAfter = seconds(full.resetMillis());
        String unit = count == TokenCount.COST ? "" : " tokens";
        return new GatewayError.RateLimited("token limit reached: this request may take up to "
                + count.display(estimate) + unit + ", and " + count.display(Math.max(0, limit - full.used()))
                + " of the " + count.display(limit) + unit + " per " + full.counter().window().windowSeconds()
                + " s of policy " + full.counter().policyIndex() + " remain; retry after " + retryAfter + " s",
                states, retryAfter);
    }

    private static LimitState state(TokenCount count, WindowReading reading) {
        long limit = reading.counter().window().limit();
        return new LimitState(reading.counter().window().windowSeconds(), reading.counter().policyIndex(),
                count.display(limit), count.display(Math.max(0, limit - reading.used())),
                seconds(reading.resetMillis()));
    }

    /** The highest prices among the route's targets: a reservation must cover whichever ends up answering. */
    private static Optional<Pricing> dearest(Route route) {
        return route.targets().stream().map(RouteTarget::analytics).flatMap(a -> a.pricing().stream())
                .max(Comparator.comparingDouble(p -> p.inputPerMillion() + p.outputPerMillion()));
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
