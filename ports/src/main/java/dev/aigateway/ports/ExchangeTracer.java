package dev.aigateway.ports;

import dev.aigateway.domain.Tunable;
import java.util.Optional;

/**
 * Where exchanges become traces: a span per exchange, continuing the client's trace, with a child span per upstream
 * attempt. {@link #OFF} unless tracing is configured.
 */
@FunctionalInterface
public interface ExchangeTracer {

    /** No traces: every exchange gets {@link ExchangeSpan#NONE}, so tracing costs nothing when off. */
    ExchangeTracer OFF = (context, operation, model, sampling) -> ExchangeSpan.NONE;

    /**
     * An exchange begins.
     *
     * @param context the request's context, whose headers carry the client's trace context when it sent one
     * @param operation the GenAI operation name, e.g. {@code chat}
     * @param model the model asked for, or the route's when it fixes one
     * @param sampling the client's sampling values, for requests that have them
     */
    ExchangeSpan start(RequestContext context, String operation, String model,
                       Optional<? extends Tunable<?>> sampling);
}
