package dev.aigateway.ports;

import dev.aigateway.domain.error.LimitState;
import java.util.List;

/** Where the core tells the ingress how a request left its token windows, for the answer's limit headers. */
@FunctionalInterface
public interface LimitReport {
    /** Reports nowhere. */
    LimitReport NONE = windows -> { };

    /** Called once, after the request's reservation, before any answer starts. */
    void windows(List<LimitState> windows);
}
