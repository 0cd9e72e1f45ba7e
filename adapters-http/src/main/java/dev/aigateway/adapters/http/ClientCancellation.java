package dev.aigateway.adapters.http;

import dev.aigateway.ports.Cancellation;

/**
 * The ingress's end of a request's {@link Cancellation}: the abort the provider registered runs when a heartbeat finds
 * the client gone or a shutdown ends the stream. Each attempt registers anew; only the latest is live.
 */
final class ClientCancellation implements Cancellation {
    private volatile Runnable abort = () -> { };
    private volatile boolean cancelled;

    @Override
    public void onCancel(Runnable action) {
        abort = action;
        if (cancelled) {
            action.run();
        }
    }

    /** Aborts the upstream call, now and for any attempt that registers later. */
    void cancel() {
        cancelled = true;
        abort.run();
    }
}
