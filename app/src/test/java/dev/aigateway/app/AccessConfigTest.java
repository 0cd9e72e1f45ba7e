package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.Secret;
import dev.aigateway.domain.access.CounterStore;
import dev.aigateway.domain.access.KeyAuth;
import dev.aigateway.domain.access.LimitMatch;
import dev.aigateway.domain.access.LimitWindow;
import dev.aigateway.domain.access.TokenCount;
import dev.aigateway.domain.access.TokenLimits;
import dev.aigateway.domain.access.WindowType;
import dev.aigateway.domain.route.Route;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Consumers, key-auth, acl and ai-rate-limiting-advanced in Kong's declarative shape. */
class AccessConfigTest {
    private static final String CONSUMERS = """
            consumers:
              - username: team-a
                custom_id: a-1
                keyauth_credentials: [{ key: "${TEAM_A_KEY}" }]
                acls: [{ group: chat }]
            """;

    /** A chat route with the provider's key, the given route plugins, and the given top-level plugins. */
    private static String config(String globalPlugins, String routePlugins, String auth) {
        return CONSUMERS + (globalPlugins.isEmpty() ? "" : "plugins:\n" + globalPlugins) + """
                routes:
                  - name: chat
                    paths: [/v1/chat/completions]
                    plugins:
                %s
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/chat
                          %s
                          model: { provider: mistral, options: { input_cost: 2, output_cost: 4 } }
                  - name: embeddings
                    paths: [/v1/embeddings]
                    plugins:
                      - name: ai-proxy
                        config:
                          route_type: llm/v1/embeddings
                          auth: { header_name: Authorization, header_value: "Bearer sk" }
                          model: { provider: mistral }
                """.formatted(routePlugins, auth);
    }

    private static final String AUTH = "auth: { header_name: Authorization, header_value: \"Bearer sk\" }";

    private static GatewayConfig parse(String yaml) {
        return new ConfigLoader(Map.of("TEAM_A_KEY", "key-a"), warning -> { })
                .parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml", TestGateways.providers());
    }

    @Test
    void aTopLevelKeyAuthGuardsEveryRouteAndARoutesOwnPluginWinsOverIt() {
        GatewayConfig config = parse(config("""
                  - name: key-auth
                    config: { key_names: [authorization, apikey] }
                """, """
                      - name: key-auth
                        config: { key_names: [x-team-key], key_in_query: false }
                      - name: acl
                        config: { allow: [chat] }
                """, AUTH));

        KeyAuth chat = config.routes().get(0).access().keyAuth().orElseThrow();
        KeyAuth embeddings = config.routes().get(1).access().keyAuth().orElseThrow();

        assertThat(chat.keyNames()).containsExactly("x-team-key");
        assertThat(chat.inQuery()).isFalse();
        assertThat(chat.consumers().find(Secret.of("key-a")).orElseThrow().groups()).containsExactly("chat");
        assertThat(config.routes().get(0).access().acl().orElseThrow().allow()).containsExactly("chat");
        assertThat(embeddings.keyNames()).containsExactly("authorization", "apikey");
        assertThat(embeddings.inHeader() && embeddings.inQuery() && !embeddings.inBody()).isTrue();
        assertThat(config.routes().get(1).access().acl()).isEmpty();
    }

    @Test
    void readsTokenLimitsFieldForField() {
        Route route = parse(config("", """
                      - name: ai-rate-limiting-advanced
                        config:
                          strategy: local
                          window_type: fixed
                          tokens_count_strategy: cost
                          fail_open: true
                          estimated_completion_tokens: 256
                          policies:
                            - match: [{ type: consumer, partition_by: true }, { type: header, key: X-Team, values: [red] }]
                              limits: [{ limit: 1.5, window_size: 60 }, { limit: 10, window_size: 3600 }]
                """, AUTH)).routes().get(0);

        TokenLimits limits = route.access().tokenLimits().orElseThrow();

        assertThat(limits.scope()).isEqualTo("route:chat");
        assertThat(limits.store()).isEqualTo(CounterStore.LOCAL);
        assertThat(limits.windowType()).isEqualTo(WindowType.FIXED);
        assertThat(limits.count()).isEqualTo(TokenCount.COST);
        assertThat(limits.failOpen()).isTrue();
        assertThat(limits.estimatedCompletionTokens()).isEqualTo(256);
        assertThat(limits.policies().get(0).limits()).containsExactly(new LimitWindow(1_500_000, 60),
                new LimitWindow(10_000_000, 3600));
        assertThat(limits.policies().get(0).match()).extracting(LimitMatch::type)
                .containsExactly(LimitMatch.Type.CONSUMER, LimitMatch.Type.HEADER);
        assertThat(route.headersRead()).containsExactly("X-Team");
    }

    @Test
    void tokenLimitsDefaultToKongsSlidingTotalTokensAndRefuseWhenTheStoreIsDown() {
        TokenLimits limits = parse(config("", """
                      - name: ai-rate-limiting-advanced
                        config:
                          policies: [{ limits: [{ limit: 100, window_size: 60 }] }]
                """, AUTH)).routes().get(0).access().tokenLimits().orElseThrow();

        assertThat(List.of(limits.store(), limits.windowType(), limits.count())).containsExactly(CounterStore.LOCAL,
                WindowType.SLIDING, TokenCount.TOTAL_TOKENS);
        assertThat(limits.failOpen()).isFalse();
        assertThat(limits.estimatedCompletionTokens()).isEqualTo(TokenLimits.DEFAULT_ESTIMATED_COMPLETION_TOKENS);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "acl without key-auth|- name: acl\\n  config: { allow: [chat] }|" + AUTH + "|acl needs key-auth",
            "key-auth on Authorization, bring your own key|- name: key-auth\\n  config: { key_names: [authorization] }| |no auth is configured",
            "key-auth on the overridable header|- name: key-auth\\n  config: { key_names: [Authorization] }|auth: { header_name: Authorization, header_value: x, allow_override: true }|auth.allow_override is true",
            "hide_credentials false|- name: key-auth\\n  config: { hide_credentials: false }|" + AUTH + "|hide_credentials cannot be false",
            "a consumer-scoped plugin|- name: key-auth\\n  consumer: team-a|" + AUTH + "|consumer cannot be set on a plugin nested in a route or service",
            "a plugin twice|- name: acl\\n  config: { allow: [a] }\\n- name: acl\\n  config: { allow: [b] }|" + AUTH + "|is already a plugin of route:chat",
            "both allow and deny|- name: key-auth\\n- name: acl\\n  config: { allow: [a], deny: [b] }|" + AUTH + "|set exactly one of allow and deny",
            "a bad strategy|- name: ai-rate-limiting-advanced\\n  config: { strategy: cluster, policies: [{ limits: [{ limit: 1, window_size: 1 }] }] }|" + AUTH + "|strategy must be one of local, redis",
            "a bad window type|- name: ai-rate-limiting-advanced\\n  config: { window_type: rolling, policies: [{ limits: [{ limit: 1, window_size: 1 }] }] }|" + AUTH + "|window_type must be one of sliding, fixed",
            "no policies|- name: ai-rate-limiting-advanced\\n  config: { }|" + AUTH + "|policies must list at least one policy",
            "a header match without its header|- name: ai-rate-limiting-advanced\\n  config: { policies: [{ match: [{ type: header }], limits: [{ limit: 1, window_size: 1 }] }] }|" + AUTH + "|key names the header",
            "an ip match|- name: ai-rate-limiting-advanced\\n  config: { policies: [{ match: [{ type: ip }], limits: [{ limit: 1, window_size: 1 }] }] }|" + AUTH + "|must be one of consumer, model, header, path",
            "a zero window|- name: ai-rate-limiting-advanced\\n  config: { policies: [{ limits: [{ limit: 1, window_size: 0 }] }] }|" + AUTH + "|window_size must be at least 1 second",
            "Kong 3.11 llm_providers|- name: ai-rate-limiting-advanced\\n  config: { llm_providers: [], policies: [{ limits: [{ limit: 1, window_size: 1 }] }] }|" + AUTH + "|llm_providers is not implemented yet",
    })
    void refusesNamingTheProblem(String what, String plugins, String auth, String message) {
        String yaml = config("", plugins.replace("\\n", "\n").indent(6).stripTrailing(), auth == null ? "" : auth);

        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a top-level plugin this gateway does not have|- name: rate-limiting|plugins[0].name must be ai-proxy, ai-proxy-advanced, acl, ai-rate-limiting-advanced, key-auth, got 'rate-limiting'",
            "a cost limit without prices|- name: ai-rate-limiting-advanced\\n  config: { tokens_count_strategy: cost, policies: [{ limits: [{ limit: 1, window_size: 1 }] }] }|cost needs model.options.input_cost and output_cost on every target of route embeddings"})
    void refusesTopLevelPluginsNamingTheProblem(String what, String plugins, String message) {
        String yaml = config(plugins.replace("\\n", "\n").indent(2), "", AUTH);

        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class).hasMessageContaining(message);
    }

    @Test
    void refusesAKeyGivenTwiceWithoutShowingIt() {
        String yaml = CONSUMERS.replace("custom_id: a-1", "keyauth_credentials: [{ key: key-a }]")
                .replace("keyauth_credentials: [{ key: \"${TEAM_A_KEY}\" }]", "") + """
                  - username: team-b
                    keyauth_credentials: [{ key: "${TEAM_A_KEY}" }]
                """ + config("", "", AUTH).substring(CONSUMERS.length());

        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("consumers[1].keyauth_credentials[0].key is also the key of another credential")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("key-a"));
    }
}
