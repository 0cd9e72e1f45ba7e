package dev.aigateway.domain.passthrough;

import dev.aigateway.domain.Usage;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gateway read from a native answer while relaying it.
 *
 * @param model the model the answer names, when it names one
 * @param id the provider's id of the answer, when it has one
 * @param usage what the provider reported using, when it did
 */
public record NativeAnswer(Optional<String> model, Optional<String> id, Optional<Usage> usage) {
    /** An answer that names nothing and reports no usage (a file listing, a deletion). */
    public static final NativeAnswer UNMETERED = new NativeAnswer(Optional.empty(), Optional.empty(),
            Optional.empty());

    public NativeAnswer {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(usage, "usage");
    }
}
