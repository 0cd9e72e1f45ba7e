package dev.aigateway.domain.chat;

import dev.aigateway.domain.Usage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A completed (non-streamed) chat answer.
 *
 * @param id the provider's id for the completion
 * @param created when it was created, in seconds since the epoch
 * @param model the model that answered, as the provider named it
 * @param usage the token counts the provider reported, when it did
 */
public record ChatResponse(String id, long created, String model, List<ChatChoice> choices, Optional<Usage> usage) {
    public ChatResponse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        choices = List.copyOf(choices);
        Objects.requireNonNull(usage, "usage");
    }
}
