package dev.aigateway.adapters.mistral;

import dev.aigateway.domain.embedding.EmbeddingBatches;
import dev.aigateway.domain.route.ProviderOptions;
import dev.aigateway.ports.OptionValues;
import dev.aigateway.ports.ProviderOptionsReader;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Mistral's own {@code model.options}: {@code mistral_format}, the API a self-hosted Mistral model speaks
 * ({@code openai} is Mistral's own API, which also serves Mistral cloud; {@code ollama} is Ollama's native API, which
 * the provider {@code ollama} speaks, so targets in that format are served by it), and this gateway's embedding
 * batch limits.
 *
 * @param batches how an embeddings request is split into calls Mistral takes
 * @param batchConcurrency how many of a request's batches are in flight at once
 */
record MistralOptions(Format format, EmbeddingBatches batches, int batchConcurrency) implements ProviderOptions {
    static final String FORMAT = "mistral_format";
    static final String BATCH_INPUTS = "embedding_batch_inputs";
    static final String BATCH_TOKENS = "embedding_batch_tokens";
    static final String BATCH_CONCURRENCY = "embedding_batch_concurrency";
    /** Mistral answers more than 256 inputs in one call with "Too many inputs in request, split into more batches". */
    static final int DEFAULT_BATCH_INPUTS = 256;
    /** Mistral's token budget for one embeddings call, as its own clients batch by. */
    static final int DEFAULT_BATCH_TOKENS = 16_000;
    static final int DEFAULT_BATCH_CONCURRENCY = 4;
    static final MistralOptions DEFAULTS = new MistralOptions(Format.OPENAI,
            new EmbeddingBatches(DEFAULT_BATCH_INPUTS, DEFAULT_BATCH_TOKENS), DEFAULT_BATCH_CONCURRENCY);
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
            return Set.of(FORMAT, BATCH_INPUTS, BATCH_TOKENS, BATCH_CONCURRENCY);
        }

        @Override
        public ProviderOptions read(OptionValues options) {
            return new MistralOptions(options.oneOf(FORMAT, Set.of("openai", "ollama"))
                    .map(format -> Format.valueOf(format.toUpperCase(Locale.ROOT))).orElse(Format.OPENAI),
                    new EmbeddingBatches(positive(options, BATCH_INPUTS, DEFAULT_BATCH_INPUTS),
                            positive(options, BATCH_TOKENS, DEFAULT_BATCH_TOKENS)),
                    positive(options, BATCH_CONCURRENCY, DEFAULT_BATCH_CONCURRENCY));
        }

        private static int positive(OptionValues options, String field, int fallback) {
            long value = options.integer(field).orElse((long) fallback);
            if (value < 1 || value > Integer.MAX_VALUE) {
                throw options.error(field, "must be a positive whole number");
            }
            return (int) value;
        }
    };
}
