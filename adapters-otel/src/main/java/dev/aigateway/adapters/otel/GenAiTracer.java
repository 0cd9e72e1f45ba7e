package dev.aigateway.adapters.otel;

import static dev.aigateway.adapters.otel.GenAiAttributes.ATTEMPT;
import static dev.aigateway.adapters.otel.GenAiAttributes.CONSUMER;
import static dev.aigateway.adapters.otel.GenAiAttributes.COST;
import static dev.aigateway.adapters.otel.GenAiAttributes.ERROR_TYPE;
import static dev.aigateway.adapters.otel.GenAiAttributes.FAILOVER;
import static dev.aigateway.adapters.otel.GenAiAttributes.FIRST_CHUNK_EVENT;
import static dev.aigateway.adapters.otel.GenAiAttributes.OPERATION;
import static dev.aigateway.adapters.otel.GenAiAttributes.OUTCOME;
import static dev.aigateway.adapters.otel.GenAiAttributes.PROVIDER;
import static dev.aigateway.adapters.otel.GenAiAttributes.REQUEST_ID;
import static dev.aigateway.adapters.otel.GenAiAttributes.REQUEST_MODEL;
import static dev.aigateway.adapters.otel.GenAiAttributes.ROUTE;
import static dev.aigateway.adapters.otel.GenAiAttributes.TARGET;

import dev.aigateway.domain.Tunable;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.ports.AttemptEnd;
import dev.aigateway.ports.AttemptSpan;
import dev.aigateway.ports.Exchange;
import dev.aigateway.ports.ExchangeSpan;
import dev.aigateway.ports.ExchangeTracer;
import dev.aigateway.ports.RequestContext;
import dev.aigateway.ports.Served;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.common.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A server span per exchange, continuing the client's W3C trace, and a client span per upstream attempt whose
 * context goes upstream. No prompt or answer text is ever put on a span.
 */
final class GenAiTracer implements ExchangeTracer {
    private static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key.toLowerCase(Locale.ROOT));
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    GenAiTracer(Tracer tracer, TextMapPropagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public ExchangeSpan start(RequestContext context, String operation, String model,
                              Optional<? extends Tunable<?>> sampling) {
        Context parent = propagator.extract(Context.root(), context.headers(), HEADERS);
        Span span = tracer.spanBuilder(GenAiAttributes.spanName(operation, model)).setParent(parent)
                .setSpanKind(SpanKind.SERVER).setAttribute(OPERATION, operation).setAttribute(REQUEST_MODEL, model)
                .setAttribute(REQUEST_ID, context.requestId()).startSpan();
        GenAiAttributes.sampling(span, sampling);
        context.consumer().ifPresent(consumer -> span.setAttribute(CONSUMER, consumer.username()));
        return new ServerSpan(span, operation);
    }

    private final class ServerSpan implements ExchangeSpan {
        private final Span span;
        private final String operation;

        ServerSpan(Span span, String operation) {
            this.span = span;
            this.operation = operation;
        }

        @Override
        public AttemptSpan attempt(Served served) {
            UpstreamTarget upstream = served.target().upstream();
            long startNanos = nowNanos();
            Span client = tracer.spanBuilder(operation).setParent(Context.root().with(span))
                    .setSpanKind(SpanKind.CLIENT).setStartTimestamp(startNanos, TimeUnit.NANOSECONDS)
                    .setAttribute(OPERATION, operation)
                    .setAttribute(PROVIDER, GenAiAttributes.providerName(upstream.provider()))
                    .setAttribute(TARGET, (long) served.index()).setAttribute(ATTEMPT, (long) served.attempts())
                    .startSpan();
            upstream.upstreamUrl().ifPresent(url -> GenAiAttributes.server(client, url));
            return new ClientSpan(client, operation, startNanos);
        }

        @Override
        public void end(Exchange exchange) {
            span.updateName(GenAiAttributes.spanName(operation, exchange.model()));
            span.setAttribute(REQUEST_MODEL, exchange.model());
            span.setAttribute(ROUTE, exchange.route().name());
            span.setAttribute(PROVIDER, GenAiAttributes.providerName(exchange.served().target().upstream()
                    .provider()));
            span.setAttribute(OUTCOME, exchange.outcome().name().toLowerCase(Locale.ROOT));
            GenAiAttributes.answer(span, exchange.responseModel(), exchange.responseId(), exchange.finishReasons(),
                    exchange.timeToFirstToken());
            GenAiAttributes.usage(span, exchange.usage());
            exchange.cost().ifPresent(cost -> span.setAttribute(COST, cost));
            exchange.error().ifPresent(error -> {
                span.setAttribute(ERROR_TYPE, GenAiAttributes.errorType(error));
                span.setStatus(StatusCode.ERROR, error.message());
            });
            span.end();
        }

        @Override
        public Optional<String> traceId() {
            return Optional.of(span.getSpanContext().getTraceId());
        }
    }

    private final class ClientSpan implements AttemptSpan {
        private final Span span;
        private final String operation;
        private final long startNanos;

        ClientSpan(Span span, String operation, long startNanos) {
            this.span = span;
            this.operation = operation;
            this.startNanos = startNanos;
        }

        @Override
        public Map<String, String> propagation() {
            Map<String, String> headers = new HashMap<>(4);
            propagator.inject(Context.root().with(span), headers, Map::put);
            return headers;
        }

        @Override
        public void sending(String model, Optional<? extends Tunable<?>> sampling) {
            span.updateName(GenAiAttributes.spanName(operation, model));
            span.setAttribute(REQUEST_MODEL, model);
            GenAiAttributes.sampling(span, sampling);
        }

        @Override
        public void end(AttemptEnd end) {
            GenAiAttributes.answer(span, end.responseModel(), end.responseId(), end.finishReasons(),
                    end.timeToFirstToken());
            end.timeToFirstToken().ifPresent(t -> span.addEvent(FIRST_CHUNK_EVENT, startNanos + t.toNanos(),
                    TimeUnit.NANOSECONDS));
            GenAiAttributes.usage(span, end.usage());
            end.error().ifPresent(error -> {
                span.setAttribute(ERROR_TYPE, GenAiAttributes.errorType(error));
                span.setAttribute(FAILOVER, end.failsOver());
                span.setStatus(StatusCode.ERROR, error.message());
            });
            span.end();
        }
    }

    /** The wall clock in nanoseconds, as the SDK stamps spans. */
    private static long nowNanos() {
        return Clock.getDefault().now();
    }
}
