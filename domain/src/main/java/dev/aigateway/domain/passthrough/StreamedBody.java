package dev.aigateway.domain.passthrough;

import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request body read from the client while it goes upstream (a file upload), never held whole: it can be sent
 * once, so a failed attempt that already took it cannot be retried on another target.
 */
public final class StreamedBody implements RequestBody {
    private final InputStream source;
    private final AtomicBoolean taken = new AtomicBoolean();

    /** @param source the client's body, already limited to the route's size cap */
    public StreamedBody(InputStream source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The body's stream, the first time; empty after that. */
    public Optional<InputStream> take() {
        return taken.compareAndSet(false, true) ? Optional.of(source) : Optional.empty();
    }

    @Override
    public String toString() {
        return "StreamedBody[" + (taken.get() ? "sent" : "unsent") + "]";
    }
}
