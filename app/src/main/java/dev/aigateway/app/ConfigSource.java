package dev.aigateway.app;

import dev.aigateway.ports.ProviderOptionsReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the configuration comes from. It is read inside the object graph, once the providers are known: each
 * provider module brings the reader of its own {@code model.options}, so the app names none of them.
 */
@FunctionalInterface
interface ConfigSource {

    /**
     * Reads the configuration, at the start and again on each reload.
     *
     * @param providers each provider's options reader, by provider id
     * @throws ConfigException when the configuration is invalid
     */
    GatewayConfig read(Map<String, ProviderOptionsReader> providers);

    /**
     * Reads a configuration document sent to the admin API ({@code POST /config}), the way the source is read.
     *
     * @throws ConfigException when the document is invalid, or when this source takes none
     */
    default GatewayConfig parse(byte[] document, Map<String, ProviderOptionsReader> providers) {
        throw new ConfigException("this gateway takes no configuration documents; reload its source instead");
    }

    /** The configuration file, or the embedded default when there is none, and documents read like them. */
    static ConfigSource of(ConfigLoader loader, Optional<Path> file) {
        return new ConfigSource() {
            @Override
            public GatewayConfig read(Map<String, ProviderOptionsReader> providers) {
                return file.isPresent() ? loader.file(file.get(), providers) : loader.embedded(providers);
            }

            @Override
            public GatewayConfig parse(byte[] document, Map<String, ProviderOptionsReader> providers) {
                return loader.parse(document, "the configuration sent to POST /config", providers);
            }
        };
    }
}
