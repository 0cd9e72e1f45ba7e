package dev.aigateway.domain.route;

/**
 * A provider's own settings for one target ({@code model.options} fields only that provider reads), validated by
 * the provider when the config is read and opaque to everything but that provider.
 */
public interface ProviderOptions {

    /** The options of a provider that reads none, or of a target that sets none. */
    static ProviderOptions none() {
        return None.INSTANCE;
    }

    /** No provider-specific options. */
    enum None implements ProviderOptions { INSTANCE }
}
