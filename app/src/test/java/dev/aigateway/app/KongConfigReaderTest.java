package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.Secret;
import dev.aigateway.domain.route.ModelPolicy;
import dev.aigateway.domain.route.Pricing;
import dev.aigateway.domain.route.ResponseStreaming;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteAnalytics;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.TuningOptions;
import dev.aigateway.domain.route.TuningPrecedence;
import dev.aigateway.domain.route.UpstreamAuth;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Kong-shaped YAML: what a valid block becomes, and the field every invalid one is refused for. */
class KongConfigReaderTest {
    private static final Map<String, String> ENV = Map.of("MISTRAL_API_KEY", "sk-abc", "PORT", "9123");

    @Test
    void readsAKongAiProxyBlockFieldForField() {
        GatewayConfig config = parse("""
                server: { host: 127.0.0.1, port: "${PORT}" }
                routes:
                  - name: chat
                    paths: [/v1/chat/completions, /chat]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          auth: { header_name: Authorization, header_value: "Bearer ${MISTRAL_API_KEY}", allow_override: false }
                          model:
                            provider: mistral
                            name: mistral-large-latest
                            options:
                              mistral_format: openai
                              upstream_url: http://127.0.0.1:9001/v1/chat/completions
                              upstream_path: /v1/chat/completions
                              max_tokens: 256
                              temperature: 0.3
                              top_p: 0.9
                              input_cost: 2.0
                              output_cost: 6.0
                              tuning_precedence: request
                          response_streaming: deny
                          logging: { log_statistics: false, log_payloads: false }
                          max_request_body_size: 2048
                          model_name_header: false
                """);

        assertThat(config.server().host()).isEqualTo("127.0.0.1");
        assertThat(config.server().port()).isEqualTo(9123);
        Route route = config.routes().get(0);
        assertThat(route.name()).isEqualTo("chat");
        assertThat(route.paths()).containsExactly("/v1/chat/completions", "/chat");
        assertThat(route.type()).isEqualTo(RouteType.CHAT);
        assertThat(route.maxRequestBodyBytes()).isEqualTo(2048);
        assertThat(route.modelNameHeader()).isFalse();
        assertThat(route.primary().policy().model()).isEqualTo(ModelPolicy.fixed("mistral-large-latest"));
        assertThat(route.primary().policy().tuning()).isEqualTo(new TuningOptions(Optional.of(256), Optional.of(0.3),
                Optional.of(0.9), Optional.empty()));
        assertThat(route.primary().policy().precedence()).isEqualTo(TuningPrecedence.REQUEST);
        assertThat(route.primary().policy().streaming()).isEqualTo(ResponseStreaming.DENY);
        assertThat(route.primary().upstream().provider()).isEqualTo("mistral");
        assertThat(route.primary().upstream().upstreamUrl()).contains(URI.create("http://127.0.0.1:9001/v1/chat/completions"));
        assertThat(route.primary().upstream().auth()).contains(new UpstreamAuth.Header("Authorization",
                Secret.of("Bearer sk-abc")));
        assertThat(route.primary().analytics()).isEqualTo(new RouteAnalytics(false,
                java.util.Optional.of(new Pricing(2.0, 6.0))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "'{ header_name: x-api-key, header_value: k1 }'|false|Header|x-api-key",
            "'{ param_name: key, param_value: k1, param_location: query, allow_override: true }'|true|QueryParam|key",
            "'{ param_name: api_key, param_value: k1, param_location: body }'|false|BodyParam|api_key"})
    void readsEveryKindOfCredential(String auth, boolean allowOverride, String kind, String name) {
        Route route = parse(minimal("llm/v1/chat") + "          auth: " + auth + "\n").routes().get(0);

        assertThat(route.primary().upstream().allowOverride()).isEqualTo(allowOverride);
        assertThat(route.primary().upstream().auth()).hasValueSatisfying(credential -> {
            assertThat(credential.getClass().getSimpleName()).isEqualTo(kind);
            assertThat(credential.name()).isEqualTo(name);
            assertThat(credential.value()).isEqualTo(Secret.of("k1"));
        });
    }

    @Test
    void appliesKongsDefaultsWhereTheBlockIsSilent() {
        GatewayConfig config = parse(minimal("llm/v1/embeddings"));

        Route route = config.routes().get(0);
        assertThat(config.server().port()).isEqualTo(KongConfigReader.DEFAULT_PORT);
        assertThat(route.maxRequestBodyBytes()).isEqualTo(Route.DEFAULT_MAX_REQUEST_BODY_BYTES);
        assertThat(route.modelNameHeader()).isTrue();
        assertThat(route.primary().policy().streaming()).isEqualTo(ResponseStreaming.ALLOW);
        assertThat(route.primary().policy().precedence()).isEqualTo(TuningPrecedence.CONFIG);
        assertThat(route.primary().policy().model()).isEqualTo(ModelPolicy.fromRequest());
        assertThat(route.primary().upstream().auth()).isEmpty();
        assertThat(route.primary().upstream().upstreamUrl()).isEmpty();
    }

    @Test
    void theEmbeddedDefaultServesChatAndEmbeddingsOnTheEnvironmentsPortAndKey() {
        List<String> warnings = new ArrayList<>();
        GatewayConfig config = new ConfigLoader(Map.of("MISTRAL_API_KEY", "sk-xyz", "SERVER_PORT", "0",
                "MISTRAL_BASE_URL", "http://127.0.0.1:9001"), warnings::add).embedded(TestGateways.providers());

        assertThat(config.server().port()).isZero();
        assertThat(config.routes()).extracting(Route::type)
                .containsExactly(RouteType.CHAT, RouteType.EMBEDDINGS, RouteType.COMPLETIONS);
        assertThat(config.routes()).flatExtracting(Route::paths)
                .containsExactly("/v1/chat/completions", "/v1/embeddings", "/v1/completions");
        assertThat(config.routes().get(2).primary().upstream().upstreamUrl())
                .contains(URI.create("http://127.0.0.1:9001/v1/fim/completions"));
        assertThat(config.routes().get(1).primary().upstream().upstreamUrl())
                .contains(URI.create("http://127.0.0.1:9001/v1/embeddings"));
        assertThat(config.routes().get(0).primary().upstream().auth()).contains(new UpstreamAuth.Header("Authorization",
                Secret.of("Bearer sk-xyz")));
        assertThat(warnings).isEmpty();
    }

    @Test
    void theEmbeddedDefaultStartsWithoutAKeyAndSaysSo() {
        List<String> warnings = new ArrayList<>();
        GatewayConfig config = new ConfigLoader(Map.of(), warnings::add).embedded(TestGateways.providers());

        assertThat(config.server().port()).isEqualTo(8080);
        assertThat(config.routes().get(0).primary().upstream().upstreamUrl())
                .contains(URI.create("https://api.mistral.ai/v1/chat/completions"));
        assertThat(warnings).singleElement().asString().contains("MISTRAL_API_KEY");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an unknown top-level field|'extra: 1'|extra is not a known field",
            "an unknown route field|'    hosts_x: [a]'|routes[0].hosts_x is not a known field",
            "a Kong route field not implemented|'    headers: { x-team: [red] }'|routes[0].headers is not implemented yet",
            "an unknown plugin config field|'          temperature: 1'|routes[0].plugins[0].config.temperature is not a known field",
            "a parameter without its location|'          auth: { param_name: key, param_value: v }'|routes[0].plugins[0].config.auth.param_location is required",
            "a parameter in a bad location|'          auth: { param_name: key, param_value: v, param_location: header }'|routes[0].plugins[0].config.auth.param_location must be one of body, query",
            "two credentials|'          auth: { param_name: k, param_value: v, param_location: query, header_name: a, header_value: b }'|routes[0].plugins[0].config.auth.param_name cannot be set together with header_name",
            "another provider's auth|'          auth: { azure_client_id: x }'|routes[0].plugins[0].config.auth.azure_client_id is not implemented yet: applies to a cloud platform's identity",
            "half a header|'          auth: { header_name: Authorization }'|routes[0].plugins[0].config.auth.header_value is required",
            "an unknown logging field|'          logging: { log_everything: true }'|routes[0].plugins[0].config.logging.log_everything is not a known field",
            "a bad response_streaming|'          response_streaming: sometimes'|routes[0].plugins[0].config.response_streaming must be one of allow, always, deny",
            "a bad body size|'          max_request_body_size: -1'|routes[0].plugins[0].config.max_request_body_size must be a positive",
            "a text body size|'          max_request_body_size: lots'|routes[0].plugins[0].config.max_request_body_size must be a whole number",
            "a bad model_name_header|'          model_name_header: maybe'|routes[0].plugins[0].config.model_name_header must be true or false"})
    void refusesNamingTheField(String what, String line, String message) {
        String yaml = insertLine(minimal("llm/v1/chat"), line);

        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a scheme that is not http|upstream_url: ftp://x/y|upstream_url must start with http:// or https://",
            "no host|upstream_url: 'http:///v1'|upstream_url must name a host",
            "a relative path|upstream_path: v1/chat|upstream_path must start with '/'",
            "an unknown format|mistral_format: llama2|mistral_format must be one of ollama, openai",
            "temperature out of Kong's range|temperature: 7|temperature must be between 0 and 5",
            "top_p out of range|top_p: 1.5|top_p must be between 0 and 1",
            "top_k out of range|top_k: 900|top_k must be between 0 and 500",
            "max_tokens zero|max_tokens: 0|max_tokens must be between 1",
            "a negative cost|'input_cost: -1, output_cost: 1'|input_cost cannot be negative",
            "half a price|input_cost: 2|output_cost is required with the other cost",
            "a bad precedence|tuning_precedence: both|tuning_precedence must be one of config, request",
            "another provider's option|azure_instance: x|azure_instance is not a known field"})
    void refusesBadModelOptions(String what, String option, String message) {
        String yaml = minimal("llm/v1/chat") + "            options: { " + option + " }\n";

        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("routes[0].plugins[0].config.model.options." + message);
    }

    @Test
    void readsAModelAliasAndRefusesOneWithoutTheModelItStandsFor() {
        String aliased = minimal("llm/v1/chat") + "            name: mistral-large-latest\n            model_alias: smart\n";

        assertThat(parse(aliased).routes().get(0).primary().policy().model().alias()).contains("smart");
        assertThatThrownBy(() -> parse(minimal("llm/v1/chat") + "            model_alias: smart\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("model.model_alias needs model.name");
    }

    @Test
    void serverHostAndPortFromTheEnvironmentOverrideAFileConfig() {
        String yaml = "server: { host: 127.0.0.1, port: 8081 }\n" + minimal("llm/v1/chat");

        GatewayConfig fromFile = parse(yaml);
        GatewayConfig overridden = new ConfigLoader(Map.of("SERVER_PORT", "9100", "SERVER_HOST", "0.0.0.0"),
                warning -> { }).parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml", TestGateways.providers());

        assertThat(fromFile.server().port()).isEqualTo(8081);
        assertThat(fromFile.listenOrigin()).isEqualTo("host from the config, port from the config");
        assertThat(overridden.server().port()).isEqualTo(9100);
        assertThat(overridden.server().host()).isEqualTo("0.0.0.0");
        assertThat(overridden.listenOrigin()).isEqualTo("host from SERVER_HOST, port from SERVER_PORT");
        assertThat(parse(minimal("llm/v1/chat")).listenOrigin()).isEqualTo("host from the default, port from the default");
    }

    @Test
    void refusesASERVER_PORTThatIsNoPort() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("SERVER_PORT", "eighty"), warning -> { })
                .parse(minimal("llm/v1/chat").getBytes(StandardCharsets.UTF_8), "test.yaml", TestGateways.providers()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SERVER_PORT must be a port");
    }

    @Test
    void aMistralTargetInOllamasFormatIsServedByTheOllamaProvider() {
        Route route = parse(minimal("llm/v1/chat") + "            options: { mistral_format: ollama }\n").routes()
                .get(0);

        assertThat(route.primary().upstream().provider()).isEqualTo("mistral");
        assertThat(route.primary().upstream().options().servedBy()).contains("ollama");
        assertThat(parse(minimal("llm/v1/chat")).routes().get(0).primary().upstream().options().servedBy())
                .isEmpty();
    }

    @Test
    void refusesAnUnknownRouteType() {
        assertThatThrownBy(() -> parse(minimal("llm/v2/chat"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("routes[0].plugins[0].config.route_type must be one of");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"llm/v1/completions, COMPLETIONS", "preserve, PRESERVE", "llm/v1/embeddings, EMBEDDINGS"})
    void readsEveryRouteType(String configName, RouteType type) {
        assertThat(parse(minimal(configName)).routes().get(0).type()).isEqualTo(type);
    }

    @Test
    void aPreserveRouteForwardsEveryMethodButTakesNoBodyCredential() {
        String preserve = minimal("preserve").replace("    paths:", "    methods: [GET, POST]\n    paths:");
        String bodyAuth = minimal("preserve")
                + "          auth: { param_name: k, param_value: v, param_location: body }\n";

        assertThat(parse(preserve).routes()).hasSize(1);
        assertThatThrownBy(() -> parse(bodyAuth)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("routes[0].plugins[0].config.auth.param_location cannot be body on a preserve");
        assertThatThrownBy(() -> parse(minimal("llm/v1/chat").replace("    paths:", "    methods: [GET]\n    paths:")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("routes[0].methods may only list POST");
    }

    @Test
    void aRouteThatForwardsItsBodyUntouchedTakesNoModelAlias() {
        String alias = "            name: mistral-ocr-latest\n            model_alias: ocr\n";

        assertThatThrownBy(() -> parse(minimal("mistral/v1/ocr") + alias)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("routes[0].plugins[0].config.model.model_alias cannot be set on a mistral/v1/ocr"
                        + " route, whose body is forwarded untouched");
        assertThat(parse(minimal("llm/v1/chat") + alias).routes().get(0).primary().policy().model().alias())
                .contains("ocr");
    }

    @Test
    void readsTheModelListCacheTime() {
        assertThat(parse("server: { models_cache_ttl_seconds: 60 }\n" + minimal("llm/v1/chat")).modelsCacheTtl())
                .isEqualTo(java.time.Duration.ofSeconds(60));
        assertThat(parse(minimal("llm/v1/chat")).modelsCacheTtl()).isEqualTo(java.time.Duration.ofMinutes(5));
    }

    @Test
    void refusesAnAiProxyAdvancedBlockWithoutTargets() {
        String yaml = minimal("llm/v1/chat").replace("name: ai-proxy", "name: ai-proxy-advanced");

        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("routes[0].plugins[0].config.route_type is not a known field");
    }

    @Test
    void refusesAnotherPlugin() {
        String yaml = minimal("llm/v1/chat").replace("name: ai-proxy", "name: rate-limiting");

        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("routes[0].plugins[0].name must be ai-proxy, ai-proxy-advanced, acl");
    }

    @Test
    void refusesAPathServedTwice() {
        String route = minimal("llm/v1/chat").substring("routes:\n".length());
        String yaml = "routes:\n" + route + route.replace("name: r", "name: r2");

        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("routes[1].paths: '/v1/chat/completions' is served by another route");
    }

    @Test
    void refusesAnUnsetVariableWithoutDefaultNamingBoth() {
        String yaml = minimal("llm/v1/chat") + "          auth: { header_name: Authorization, header_value: "
                + "\"Bearer ${NOT_SET_ANYWHERE}\" }\n";

        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("routes[0].plugins[0].config.auth.header_value")
                .hasMessageContaining("NOT_SET_ANYWHERE");
    }

    @Test
    void neverPutsTheKeyInAnErrorMessage() {
        String yaml = minimal("llm/v1/chat") + "          auth: { header_name: Authorization, header_value: "
                + "\"Bearer ${MISTRAL_API_KEY}\", param_name: x }\n";

        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sk-abc"));
    }

    private static String minimal(String routeType) {
        return """
                routes:
                  - name: r
                    paths: [/v1/chat/completions]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: %s
                          model:
                            provider: mistral
                """.formatted(routeType);
    }

    /** Inserts a line after the one with the same indentation in the minimal block. */
    private static String insertLine(String yaml, String line) {
        int indent = line.length() - line.stripLeading().length();
        String anchor = switch (indent) {
            case 0 -> "routes:\n";
            case 4 -> "    paths: [/v1/chat/completions]\n";
            default -> "          route_type: ";
        };
        if (indent == 0) {
            return line.strip() + "\n" + yaml;
        }
        int at = yaml.indexOf(anchor);
        int lineStart = yaml.lastIndexOf('\n', at) + 1;
        return yaml.substring(0, lineStart) + line + "\n" + yaml.substring(lineStart);
    }

    private static GatewayConfig parse(String yaml) {
        return new ConfigLoader(ENV, warning -> { }).parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml",
                TestGateways.providers());
    }
}
