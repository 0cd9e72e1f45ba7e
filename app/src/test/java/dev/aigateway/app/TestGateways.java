package dev.aigateway.app;

import dev.aigateway.fakemistral.FakeMistral;
import dev.aigateway.ports.ProviderOptionsReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Starts a gateway on a free loopback port with chat and embeddings routes in front of a fake Mistral. */
final class TestGateways {

    private TestGateways() { }

    /** The options readers of the providers the gateway is built with, as a config is read with them. */
    static Map<String, ProviderOptionsReader> providers() {
        return DaggerGatewayComponent.factory().create(providers -> {
            throw new IllegalStateException("only the providers are asked for");
        }).optionsReaders();
    }

    /** The embedded default's two routes, aimed at {@code mistral} with {@code key}, plus any extra route YAML. */
    static Gateway inFrontOf(FakeMistral mistral, String key, String extraRoutes) {
        return inFrontOf(mistral, key, "", extraRoutes);
    }

    /** The same, with extra settings in the {@code server} block (YAML flow-map entries, e.g. {@code a: 1, b: 2}). */
    static Gateway inFrontOf(FakeMistral mistral, String key, String serverSettings, String extraRoutes) {
        GatewayConfig config = new ConfigLoader(Map.of("MISTRAL_API_KEY", key), warning -> { })
                .parse(yaml(mistral, serverSettings, extraRoutes).getBytes(StandardCharsets.UTF_8), "test.yaml",
                        providers());
        return Gateway.start(config);
    }

    /** A gateway on the given config text, read with the gateway's providers. */
    static Gateway start(String yaml) {
        return Gateway.start(providers -> new ConfigLoader(Map.of(), warning -> { })
                .parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml", providers));
    }

    /** The config text of those routes; the key comes from the environment variable {@code MISTRAL_API_KEY}. */
    static String yaml(FakeMistral mistral, String serverSettings, String extraRoutes) {
        return """
                server: { host: 127.0.0.1, port: 0 %3$s }
                routes:
                  - name: chat
                    paths: [/v1/chat/completions]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          auth: { header_name: Authorization, header_value: "Bearer ${MISTRAL_API_KEY}" }
                          model:
                            provider: mistral
                            options: { mistral_format: openai, upstream_url: "%1$s/v1/chat/completions" }
                  - name: embeddings
                    paths: [/v1/embeddings]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/embeddings
                          auth: { header_name: Authorization, header_value: "Bearer ${MISTRAL_API_KEY}" }
                          model: { provider: mistral, options: { upstream_url: "%1$s" } }
                %2$s""".formatted(mistral.baseUri(), extraRoutes, serverSettings.isEmpty() ? "" : ", " + serverSettings);
    }
}
