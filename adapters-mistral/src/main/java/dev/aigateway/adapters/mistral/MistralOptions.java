package dev.aigateway.adapters.mistral;

import dev.aigateway.domain.route.ProviderOptions;
import dev.aigateway.ports.OptionValues;
import dev.aigateway.ports.ProviderOptionsReader;
import java.util.Set;

/**
 * Mistral's own {@code model.options}: {@code mistral_format}, the API a self-hosted Mistral model speaks
 * ({@code openai} is Mistral's own API, which also serves Mistral cloud).
 */
record MistralOptions(Format format) implements ProviderOptions {
    static final String FORMAT = "mistral_format";

    /** Kong's {@code mistral_format} values. */
    enum Format { OPENAI }

    /** Reads {@code mistral_format}; a target without it speaks Mistral's own API. */
    static final ProviderOptionsReader READER = new ProviderOptionsReader() {
        @Override
        public Set<String> fields() {
            return Set.of(FORMAT);
        }

        @Override
        public ProviderOptions read(OptionValues options) {
            options.oneOf(FORMAT, Set.of("openai", "ollama")).filter("ollama"::equals).ifPresent(f -> {
                throw options.error(FORMAT, "is not implemented yet: ollama is planned; use openai");
            });
            return new MistralOptions(Format.OPENAI);
        }
    };
}
