package dev.aigateway.ports;

import java.util.Optional;

/**
 * The request and answer bodies of one exchange, as its client sent and got them, kept by the ingress only for
 * routes that log payloads; read when the exchange is reported.
 */
public interface Payloads {

    /** Nothing kept. */
    Payloads NONE = new Payloads() {
        @Override
        public Optional<String> request() {
            return Optional.empty();
        }

        @Override
        public Optional<String> response() {
            return Optional.empty();
        }
    };

    /** The request body, without the credentials the gateway took out of it. */
    Optional<String> request();

    /** The answer the client got so far: the whole body, or a stream's text assembled. */
    Optional<String> response();
}
