package dev.aigateway.domain.route;

import java.util.Optional;

/**
 * A provider's own settings for one target ({@code model.options} fields only that provider reads), validated by
 * the provider when the config is read and opaque to everything but that provider.
 */
public interface ProviderOptions {

    /**
     * Another provider that serves this target, by id, when the target's own provider hands over a wire format it
     * does not speak itself (Kong's {@code mistral_format: ollama}); the target keeps its provider's name in logs.
     */
    default Optional<String> servedBy() {
        return Optional.empty();
    }

    /** The options of a provider that reads none, or of a target that sets none. */
    static ProviderOptions none() {
        return None.INSTANCE;
    }

    /** No provider-specific options. */
    enum None implements ProviderOptions { INSTANCE }
}
