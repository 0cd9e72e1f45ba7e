package dev.aigateway.examples.embedded;

import dev.aigateway.ports.Exchange;
import dev.aigateway.ports.ExchangeObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * This gateway's observer: per route, in memory, the providers' exact token counts and the answers that needed more
 * than one target.
 */
final class TokenLedger implements ExchangeObserver {
    private final Map<String, LongAdder> tokens = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failovers = new ConcurrentHashMap<>();

    @Override
    public void observed(Exchange exchange) {
        String route = exchange.route().name();
        exchange.usage().ifPresent(usage -> counter(tokens, route).add(usage.totalTokens()));
        if (exchange.outcome() == Exchange.Outcome.COMPLETED && exchange.served().attempts() > 1) {
            counter(failovers, route).increment();
        }
    }

    long totalTokens(String route) {
        return counter(tokens, route).sum();
    }

    long failovers(String route) {
        return counter(failovers, route).sum();
    }

    private static LongAdder counter(Map<String, LongAdder> counters, String route) {
        return counters.computeIfAbsent(route, name -> new LongAdder());
    }
}
