package dev.aigateway.ports;

import java.util.Optional;

/** One exchange's span: open from the moment the core takes the request until the exchange is reported. */
public interface ExchangeSpan {

    /** The span of an exchange nobody traces. */
    ExchangeSpan NONE = new ExchangeSpan() {
        @Override
        public AttemptSpan attempt(Served served) {
            return AttemptSpan.NONE;
        }

        @Override
        public void end(Exchange exchange) { }

        @Override
        public Optional<String> traceId() {
            return Optional.empty();
        }
    };

    /** An attempt on a target begins: its span is a child of this one. */
    AttemptSpan attempt(Served served);

    /** The exchange ended as described; the span takes its numbers and ends. */
    void end(Exchange exchange);

    /** The trace this exchange belongs to, as 32 hex digits, when it is traced. */
    Optional<String> traceId();
}
