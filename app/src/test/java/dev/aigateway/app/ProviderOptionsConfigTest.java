package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.route.ProviderOptions;
import dev.aigateway.ports.OptionValues;
import dev.aigateway.ports.ProviderOptionsReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The config reader knows no provider's options: a provider it has never heard of brings its reader, and its
 * fields are read, validated and carried on the target; other providers' fields are refused on its targets.
 */
class ProviderOptionsConfigTest {
    private static final Map<String, ProviderOptionsReader> ACME_ONLY = Map.of("acme", new AcmeReader());

    @Test
    void aProvidersOwnOptionsReachItsTargets() {
        GatewayConfig config = parse("acme", "{ acme_region: eu, upstream_url: \"http://127.0.0.1:9/x\" }");

        assertThat(config.routes().get(0).primary().upstream().options()).isEqualTo(new AcmeOptions("eu"));
    }

    @Test
    void aTargetWithoutThemGetsTheProvidersDefault() {
        assertThat(parse("acme", "{ }").routes().get(0).primary().upstream().options())
                .isEqualTo(new AcmeOptions("us"));
    }

    @Test
    void theProviderValidatesThemNamingTheField() {
        assertThatThrownBy(() -> parse("acme", "{ acme_region: moon }")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("routes[0].plugins[0].config.model.options.acme_region must be one of eu, us");
    }

    @Test
    void anotherProvidersFieldIsRefusedByName() {
        assertThatThrownBy(() -> parse("acme", "{ mistral_format: openai }")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("options.mistral_format is not a known field here");
    }

    @Test
    void anUnknownProviderIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> parse("mistral", "{ }")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("model.provider names an unknown provider 'mistral'; known providers: acme");
    }

    private static GatewayConfig parse(String provider, String options) {
        String yaml = """
                routes:
                  - name: chat
                    paths: [/v1/chat/completions]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          model: { provider: %s, options: %s }
                """.formatted(provider, options);
        return new ConfigLoader(Map.of(), warning -> { }).parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml",
                ACME_ONLY);
    }

    private record AcmeOptions(String region) implements ProviderOptions { }

    private static final class AcmeReader implements ProviderOptionsReader {
        @Override
        public Set<String> fields() {
            return Set.of("acme_region");
        }

        @Override
        public ProviderOptions read(OptionValues options) {
            return new AcmeOptions(options.oneOf("acme_region", Set.of("eu", "us")).orElse("us"));
        }
    }
}
