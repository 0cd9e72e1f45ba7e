package dev.aigateway.ports;

import dev.aigateway.domain.route.ProviderOptions;
import java.util.Set;

/**
 * Reads one provider's own {@code model.options} fields of a target when the configuration is loaded; each provider
 * module registers one under its provider id, so the configuration reader names no provider's option.
 */
public interface ProviderOptionsReader {

    /** The option fields this provider reads, beside the ones every provider shares ({@code upstream_url}, ...). */
    Set<String> fields();

    /**
     * Validates those fields of one target.
     *
     * @throws RuntimeException from {@link OptionValues#error} when a value is not acceptable
     */
    ProviderOptions read(OptionValues options);

    /** The reader of a provider that has no options of its own. */
    static ProviderOptionsReader none() {
        return new ProviderOptionsReader() {
            @Override
            public Set<String> fields() {
                return Set.of();
            }

            @Override
            public ProviderOptions read(OptionValues options) {
                return ProviderOptions.none();
            }
        };
    }
}
