package dev.aigateway.ports;

import dev.aigateway.domain.Usage;
import dev.aigateway.domain.error.GatewayError;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one upstream attempt ended, as the core saw it.
 *
 * @param error why it failed, when it did
 * @param failsOver whether the route moves on to another target because of it (when one is left)
 * @param responseModel the model the provider says answered
 * @param responseId the provider's id of the answer
 * @param finishReasons why generation ended, per choice, as OpenAI names them
 * @param usage the provider's token counts, as far as they arrived
 * @param timeToFirstToken for streams, from sending until the first chunk
 */
public record AttemptEnd(Optional<GatewayError> error, boolean failsOver, Optional<String> responseModel,
                         Optional<String> responseId, List<String> finishReasons, Optional<Usage> usage,
                         Optional<Duration> timeToFirstToken) {
    public AttemptEnd {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(responseModel, "responseModel");
        Objects.requireNonNull(responseId, "responseId");
        finishReasons = List.copyOf(finishReasons);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(timeToFirstToken, "timeToFirstToken");
    }
}
