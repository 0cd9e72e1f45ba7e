package dev.aigateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.aigateway.ports.ProviderOptionsReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/** Loads the YAML config (a file, or the embedded default) and validates it into a {@link GatewayConfig}. */
final class ConfigLoader {
    /** The embedded default: chat and embeddings to Mistral cloud, key from {@code MISTRAL_API_KEY}. */
    static final String EMBEDDED_DEFAULT = "default-gateway.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final EnvSubstitution env;

    ConfigLoader(Map<String, String> environment, Consumer<String> warnings) {
        this.env = new EnvSubstitution(environment, warnings);
    }

    GatewayConfig embedded(Map<String, ProviderOptionsReader> providers) {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/" + EMBEDDED_DEFAULT)) {
            if (in == null) {
                throw new IllegalStateException(EMBEDDED_DEFAULT + " is missing from the jar");
            }
            return parse(in.readAllBytes(), "embedded default config", providers);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the embedded default config", e);
        }
    }

    GatewayConfig file(Path path, Map<String, ProviderOptionsReader> providers) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + path + ": " + e.getMessage());
        }
        return parse(bytes, path.toString(), providers);
    }

    /** @param providers each provider's options reader, by provider id: the providers routes may name */
    GatewayConfig parse(byte[] yamlText, String source, Map<String, ProviderOptionsReader> providers) {
        JsonNode root;
        try {
            root = yaml.readTree(yamlText);
        } catch (IOException e) {
            throw new ConfigException(source + " is not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(source + " must be a YAML mapping with a 'routes' list");
        }
        return KongConfigReader.read(new ConfigNode(root, "", env), providers);
    }
}
