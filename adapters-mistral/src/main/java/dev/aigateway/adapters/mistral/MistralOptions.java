package dev.aigateway.adapters.mistral;

import dev.aigateway.domain.route.ProviderOptions;
import dev.aigateway.ports.OptionValues;
import dev.aigateway.ports.ProviderOptionsReader;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Mistral's own {@code model.options}: {@code mistral_format}, the API a self-hosted Mistral model speaks
 * ({@code openai} is Mistral's own API, which also serves Mistral cloud; {@code ollama} is Ollama's native API, which
 * the provider {@code ollama} speaks, so targets in that format are served by it).
 */
record MistralOptions(Format format) implements ProviderOptions {
    static final String FORMAT = "mistral_format";
    /** The provider that speaks Ollama's native API. */
    static final String OLLAMA_PROVIDER = "ollama";

    /** Kong's {@code mistral_format} values. */
    enum Format { OPENAI, OLLAMA }

    @Override
    public Optional<String> servedBy() {
        return format == Format.OLLAMA ? Optional.of(OLLAMA_PROVIDER) : Optional.empty();
    }

    /** Reads {@code mistral_format}; a target without it speaks Mistral's own API. */
    static final ProviderOptionsReader READER = new ProviderOptionsReader() {
        @Override
        public Set<String> fields() {
            return Set.of(FORMAT);
        }

        @Override
        public ProviderOptions read(OptionValues options) {
            return new MistralOptions(options.oneOf(FORMAT, Set.of("openai", "ollama"))
                    .map(format -> Format.valueOf(format.toUpperCase(Locale.ROOT))).orElse(Format.OPENAI));
        }
    };
}
