package dev.aigateway.ports.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.route.Pricing;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteAnalytics;
import dev.aigateway.domain.route.RoutePolicy;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.ports.Exchange;
import dev.aigateway.ports.ExchangeSpan;
import dev.aigateway.ports.Payloads;
import dev.aigateway.ports.Served;
import dev.aigateway.ports.engine.balance.TargetFeedback;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** An attempt's numbers are taken once, when it ends: the balancer and the observer get the same ones. */
class ExchangeTraceTest {
    private final AtomicLong clock = new AtomicLong();
    private final Route route = Route.single("r", List.of("/r"), RouteType.CHAT, 1024, true, RoutePolicy.defaults(),
            new UpstreamTarget("p", Optional.empty(), Optional.empty(), Optional.empty()),
            new RouteAnalytics(false, Optional.of(new Pricing(1.0, 2.0))));

    @Test
    void theBalancerAndTheObserverGetTheSameLatencyTimeToFirstTokenAndCost() {
        ExchangeTrace trace = new ExchangeTrace("req", route, "m", true, clock::get, ExchangeSpan.NONE);
        trace.attempting(new Served(route.primary(), 0, 1));
        clock.addAndGet(Duration.ofMillis(30).toNanos());
        trace.chunk(new ChatChunk("c", 1, "m", List.of(), Optional.empty()));
        clock.addAndGet(Duration.ofMillis(70).toNanos());
        trace.chunk(new ChatChunk("c", 1, "m", List.of(), Optional.of(new Usage(1000, 500, 1500))));
        TargetFeedback feedback = trace.attemptEnded(true, Optional.empty(), false);
        clock.addAndGet(Duration.ofMillis(5).toNanos());

        Exchange exchange = trace.end(Exchange.Outcome.COMPLETED, Optional.empty(), Optional.empty(), false,
                Payloads.NONE);

        assertThat(feedback.latency()).isEqualTo(Duration.ofMillis(100)).isEqualTo(exchange.latency());
        assertThat(feedback.timeToFirstToken()).contains(Duration.ofMillis(30)).isEqualTo(exchange.timeToFirstToken());
        assertThat(feedback.cost()).isEqualTo(exchange.cost()).isPresent();
        assertThat(exchange.responseModel()).contains("m");
        assertThat(exchange.triedTargets()).containsExactly(0);
    }

    @Test
    void anExchangeRefusedBeforeAnyAttemptIsMeasuredFromItsStart() {
        ExchangeTrace trace = new ExchangeTrace("req", route, "m", false, clock::get, ExchangeSpan.NONE);
        clock.addAndGet(Duration.ofMillis(2).toNanos());

        Exchange exchange = trace.end(Exchange.Outcome.FAILED, Optional.empty(), Optional.empty(), false,
                Payloads.NONE);

        assertThat(exchange.latency()).isEqualTo(Duration.ofMillis(2));
        assertThat(exchange.responseModel()).isEmpty();
        assertThat(exchange.triedTargets()).isEmpty();
    }
}
