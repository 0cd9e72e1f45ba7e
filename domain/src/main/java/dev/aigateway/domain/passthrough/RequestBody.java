package dev.aigateway.domain.passthrough;

/** The body of a request relayed in a provider's own API: held whole, or streamed from the client as it is sent. */
public sealed interface RequestBody permits RawBody, StreamedBody {
}
