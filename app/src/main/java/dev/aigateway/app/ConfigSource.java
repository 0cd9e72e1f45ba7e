package dev.aigateway.app;

import dev.aigateway.ports.ProviderOptionsReader;
import java.util.Map;

/**
 * Where the configuration comes from. It is read inside the object graph, once the providers are known: each
 * provider module brings the reader of its own {@code model.options}, so the app names none of them.
 */
@FunctionalInterface
interface ConfigSource {

    /**
     * @param providers each provider's options reader, by provider id
     * @throws ConfigException when the configuration is invalid
     */
    GatewayConfig read(Map<String, ProviderOptionsReader> providers);
}
