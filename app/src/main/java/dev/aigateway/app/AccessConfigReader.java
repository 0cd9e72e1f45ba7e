package dev.aigateway.app;

import dev.aigateway.adapters.redis.RedisModule.RedisSettings;
import dev.aigateway.domain.Secret;
import dev.aigateway.domain.access.AccessList;
import dev.aigateway.domain.access.Consumer;
import dev.aigateway.domain.access.ConsumerKeys;
import dev.aigateway.domain.access.CounterStore;
import dev.aigateway.domain.access.KeyAuth;
import dev.aigateway.domain.access.LimitMatch;
import dev.aigateway.domain.access.LimitPolicy;
import dev.aigateway.domain.access.LimitWindow;
import dev.aigateway.domain.access.RouteAccess;
import dev.aigateway.domain.access.TokenCount;
import dev.aigateway.domain.access.TokenLimits;
import dev.aigateway.domain.access.WindowType;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Kong's {@code consumers} and the access plugins, {@code key-auth}, {@code acl} and
 * {@code ai-rate-limiting-advanced}, field for field with Kong's defaults.
 */
final class AccessConfigReader {
    static final String KEY_AUTH = "key-auth";
    static final String ACL = "acl";
    static final String RATE_LIMITING = "ai-rate-limiting-advanced";
    static final Set<String> PLUGINS = Set.of(KEY_AUTH, ACL, RATE_LIMITING);

    private final ConsumerKeys keys;

    private AccessConfigReader(ConsumerKeys keys) {
        this.keys = keys;
    }

    /** The top-level {@code consumers} list: usernames, keys and ACL groups. */
    static AccessConfigReader consumers(List<ConfigNode> nodes) {
        Map<Secret, Consumer> keys = new HashMap<>();
        Set<String> usernames = new HashSet<>();
        for (ConfigNode node : nodes) {
            // A consumer's plugins are read with the document's other plugins (KongDocument).
            node.allowOnly(Set.of("username", "custom_id", "id", "tags", "keyauth_credentials", "acls", "plugins"),
                    Map.of());
            String username = node.requiredString("username");
            if (!usernames.add(username)) {
                throw node.error("username", "'" + username + "' is used by another consumer");
            }
            Set<String> groups = new LinkedHashSet<>();
            for (ConfigNode acl : node.list("acls")) {
                acl.allowOnly(Set.of("group", "id", "tags"), Map.of());
                groups.add(acl.requiredString("group"));
            }
            Consumer consumer = new Consumer(username, groups);
            for (ConfigNode credential : node.list("keyauth_credentials")) {
                credential.allowOnly(Set.of("key", "id", "tags"), Map.of("ttl", "keys do not expire here"));
                Secret key = Secret.of(credential.requiredString("key"));
                if (key.isEmpty()) {
                    throw credential.error("key", "cannot be empty");
                }
                if (keys.put(key, consumer) != null) {
                    throw credential.error("key", "is also the key of another credential; keys must be unique");
                }
            }
        }
        return new AccessConfigReader(ConsumerKeys.of(keys));
    }

    /** A {@code key-auth} plugin's {@code config}. */
    KeyAuth keyAuth(ConfigNode config) {
        config.allowOnly(Set.of("key_names", "key_in_header", "key_in_query", "key_in_body", "hide_credentials",
                "run_on_preflight", "realm"), Map.of("anonymous", "every request on a key-auth route needs a key"));
        if (!config.bool("hide_credentials").orElse(true)) {
            throw config.error("hide_credentials", "cannot be false: this gateway never forwards a consumer's key");
        }
        List<String> names = config.has("key_names") ? config.strings("key_names") : KeyAuth.DEFAULT_KEY_NAMES;
        if (names.isEmpty()) {
            throw config.error("key_names", "must list at least one name");
        }
        boolean inHeader = config.bool("key_in_header").orElse(true);
        boolean inQuery = config.bool("key_in_query").orElse(true);
        boolean inBody = config.bool("key_in_body").orElse(false);
        if (!inHeader && !inQuery && !inBody) {
            throw config.error("key_in_header", "key_in_header, key_in_query and key_in_body cannot all be false");
        }
        return new KeyAuth(names, inHeader, inQuery, inBody, keys);
    }

    /** An {@code acl} plugin's {@code config}. */
    static AccessList acl(ConfigNode config) {
        config.allowOnly(Set.of("allow", "deny", "hide_groups_header"), Map.of(
                "include_consumer_groups", "consumer groups are not supported; list the groups in consumers' acls"));
        List<String> allow = config.strings("allow");
        List<String> deny = config.strings("deny");
        if (allow.isEmpty() == deny.isEmpty()) {
            throw config.error("allow", "set exactly one of allow and deny");
        }
        return new AccessList(new HashSet<>(allow), new HashSet<>(deny));
    }

    /**
     * An {@code ai-rate-limiting-advanced} plugin's {@code config}.
     *
     * @param scope whose counters these are: the route's name, or the global plugin's
     */
    static TokenLimits tokenLimits(ConfigNode config, String scope) {
        config.allowOnly(Set.of("strategy", "redis", "window_type", "tokens_count_strategy", "policies",
                "fail_open", "estimated_completion_tokens", "namespace", "sync_rate", "hide_client_headers",
                "error_code", "error_message", "dictionary_name", "retry_after_jitter_max"), Map.of(
                "llm_providers", "limits are set with policies (Kong 3.12's shape)",
                "identifier", "set what is counted with policies[].match",
                "limit_by", "set what is counted with policies[].match",
                "request_prompt_count_function", "prompts are estimated by the gateway and settled on usage",
                "decrease_by_fractions_in_redis", "counters are whole tokens"));
        rejectChanged(config, "hide_client_headers", false, "the limit headers are always sent");
        rejectChanged(config, "error_code", 429L, "limits are always answered with 429");
        CounterStore store = config.named("strategy", CounterStore.class).orElse(CounterStore.LOCAL);
        if (store == CounterStore.LOCAL && config.has("redis")) {
            throw config.error("redis", "is only used with strategy: redis");
        }
        WindowType window = config.named("window_type", WindowType.class).orElse(WindowType.SLIDING);
        TokenCount count = config.named("tokens_count_strategy", TokenCount.class).orElse(TokenCount.TOTAL_TOKENS);
        List<ConfigNode> policyNodes = config.list("policies");
        if (policyNodes.isEmpty()) {
            throw config.error("policies", "must list at least one policy");
        }
        List<LimitPolicy> policies = new ArrayList<>();
        for (ConfigNode policy : policyNodes) {
            policies.add(policy(policy, count));
        }
        long estimated = config.integer("estimated_completion_tokens")
                .orElse((long) TokenLimits.DEFAULT_ESTIMATED_COMPLETION_TOKENS);
        if (estimated < 0 || estimated > Integer.MAX_VALUE) {
            throw config.error("estimated_completion_tokens", "must be a whole number of tokens, 0 or more");
        }
        return new TokenLimits(scope, store, window, count, policies, config.bool("fail_open").orElse(false),
                (int) estimated);
    }

    private static LimitPolicy policy(ConfigNode node, TokenCount count) {
        node.allowOnly(Set.of("match", "limits"), Map.of());
        List<LimitMatch> match = new ArrayList<>();
        for (ConfigNode condition : node.list("match")) {
            condition.allowOnly(Set.of("type", "key", "values", "partition_by"), Map.of());
            LimitMatch.Type type = condition.named("type", LimitMatch.Type.class, condition.requiredString("type"));
            Optional<String> key = condition.string("key");
            if (type == LimitMatch.Type.HEADER && key.isEmpty()) {
                throw condition.error("key", "names the header a header match looks at; it is required");
            }
            if (type != LimitMatch.Type.HEADER && key.isPresent()) {
                throw condition.error("key", "is only used by header matches");
            }
            match.add(new LimitMatch(type, key, new HashSet<>(condition.strings("values")),
                    condition.bool("partition_by").orElse(false)));
        }
        List<ConfigNode> limitNodes = node.list("limits");
        if (limitNodes.isEmpty()) {
            throw node.error("limits", "must list at least one limit");
        }
        List<LimitWindow> limits = new ArrayList<>();
        for (ConfigNode limit : limitNodes) {
            limit.allowOnly(Set.of("limit", "window_size"), Map.of());
            double value = limit.number("limit").orElseThrow(() -> limit.error("limit", "is required"));
            long windowSize = limit.integer("window_size").orElseThrow(() -> limit.error("window_size",
                    "is required"));
            if (value < 0 || windowSize < 1) {
                throw limit.error(value < 0 ? "limit" : "window_size",
                        value < 0 ? "cannot be negative" : "must be at least 1 second");
            }
            limits.add(new LimitWindow(count == TokenCount.COST ? Math.round(value * TokenCount.COST_UNITS)
                    : (long) value, windowSize));
        }
        return new LimitPolicy(match, limits);
    }

    private static void rejectChanged(ConfigNode config, String field, Object kongDefault, String why) {
        Optional<String> value = config.string(field);
        if (value.isPresent() && !value.get().equals(kongDefault.toString())) {
            throw config.error(field, "can only be " + kongDefault + ": " + why);
        }
    }

    /** The route's access plugins: its own, else its service's, else the global ones. */
    RouteAccess routeAccess(ConfigNode node, Route route, Map<String, KongDocument.Plugin> plugins,
                            Map<String, KongDocument.Plugin> consumerPlugins, SharedStore shared) {
        Optional<ConfigNode> keyAuthNode = plugin(KEY_AUTH, plugins);
        Optional<KeyAuth> keyAuth = keyAuthNode.map(plugin -> keyAuth(plugin.object("config")));
        Optional<ConfigNode> aclNode = plugin(ACL, plugins);
        if (aclNode.isPresent() && keyAuth.isEmpty()) {
            throw aclNode.get().error("name", "acl needs key-auth on the route (or in the top-level plugins):"
                    + " groups belong to authenticated consumers");
        }
        if (keyAuth.isPresent()) {
            ConfigNode at = keyAuthNode.get().object("config");
            for (RouteTarget target : route.targets()) {
                if (target.upstream().readsClientCredentialWhere(keyAuth.get())) {
                    throw at.error("key_names", "route " + route.name() + ": the client's own upstream credential"
                            + (target.upstream().auth().isEmpty() ? " (no auth is configured, so the client's"
                            + " Authorization goes upstream)" : " (auth.allow_override is true)")
                            + " would be read where consumer keys are, and consumer keys must never go upstream;"
                            + " configure the provider's key in auth, or name another key for key-auth");
                }
            }
            if (AiProxyConfigReader.relaysBodies(route.type()) && keyAuth.get().inBody()) {
                throw at.error("key_in_body", "cannot be true on a " + route.type().configName() + " route, whose"
                        + " bodies are forwarded as they came");
            }
        }
        Optional<TokenLimits> limits = Optional.ofNullable(plugins.get(RATE_LIMITING))
                .map(plugin -> routeTokenLimits(plugin, route, shared));
        Map<String, TokenLimits> consumerLimits = new HashMap<>();
        consumerPlugins.forEach((username, plugin) -> consumerLimits.put(username, routeTokenLimits(plugin, route,
                shared)));
        if (!consumerLimits.isEmpty() && keyAuth.isEmpty()) {
            throw node.error("plugins", "route " + route.name() + " has token limits for consumers but no key-auth:"
                    + " without it no consumer is known");
        }
        return new RouteAccess(keyAuth, aclNode.map(plugin -> acl(plugin.object("config"))),
                limits, consumerLimits);
    }

    /** One ai-rate-limiting-advanced plugin's limits on a route, its counters kept where its scope says. */
    private static TokenLimits routeTokenLimits(KongDocument.Plugin plugin, Route route, SharedStore shared) {
        ConfigNode config = plugin.node().object("config");
        TokenLimits limits = tokenLimits(config, plugin.scope());
        if (limits.store() == CounterStore.SHARED) {
            shared.use(config.object("redis"));
        }
        if (limits.count() == TokenCount.COST && route.targets().stream()
                .anyMatch(target -> target.analytics().pricing().isEmpty())) {
            throw plugin.node().error("config", "tokens_count_strategy: cost needs model.options.input_cost and"
                    + " output_cost on every target of route " + route.name());
        }
        return limits;
    }

    private static Optional<ConfigNode> plugin(String name, Map<String, KongDocument.Plugin> plugins) {
        return Optional.ofNullable(plugins.get(name)).map(KongDocument.Plugin::node);
    }

    /** The one Redis the routes with {@code strategy: redis} share. */
    static final class SharedStore {
        private Optional<RedisSettings> settings = Optional.empty();

        Optional<RedisSettings> settings() {
            return settings;
        }

        void use(ConfigNode redisNode) {
            RedisSettings read = RedisConfigReader.read(redisNode);
            if (settings.isPresent() && !settings.get().equals(read)) {
                throw new ConfigException(redisNode.path() + " differs from another route's redis block; all"
                        + " routes with strategy: redis share one Redis");
            }
            settings = Optional.of(read);
        }
    }
}
