package dev.aigateway.ports;

/**
 * Told of each exchange once, when it ends, however it ended: the one place the metrics, the analytics log line (and
 * later traces) take their numbers from.
 */
@FunctionalInterface
public interface ExchangeObserver {

    /** Nobody listens. */
    ExchangeObserver NONE = exchange -> { };

    /** Called once per exchange on the thread that served it; must not throw. */
    void observed(Exchange exchange);
}
