package dev.aigateway.ports;

/**
 * How the ingress stops an exchange it no longer wants (the client left, the gateway shuts down): the ingress creates
 * one per request, and a provider registers on it how to abort its upstream call. Cancellation flows down this way,
 * never up through a sink.
 */
@FunctionalInterface
public interface Cancellation {

    /** Never cancelled: for callers that never stop an exchange. */
    Cancellation NONE = abort -> { };

    /** Runs {@code abort} when the exchange is cancelled; at once when it already was. */
    void onCancel(Runnable abort);
}
