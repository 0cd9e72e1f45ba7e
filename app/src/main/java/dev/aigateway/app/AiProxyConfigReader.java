package dev.aigateway.app;

import dev.aigateway.domain.route.BalancerAlgorithm;
import dev.aigateway.domain.route.BalancerSettings;
import dev.aigateway.domain.route.Capability;
import dev.aigateway.domain.route.FailoverCriterion;
import dev.aigateway.domain.route.ModelPolicy;
import dev.aigateway.domain.route.Pricing;
import dev.aigateway.domain.route.ResponseStreaming;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteAnalytics;
import dev.aigateway.domain.route.RoutePolicy;
import dev.aigateway.domain.route.RouteTarget;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.SemanticSettings;
import dev.aigateway.domain.route.TuningOptions;
import dev.aigateway.domain.route.TuningPrecedence;
import dev.aigateway.domain.route.UpstreamAuth;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.domain.route.UpstreamTimeouts;
import dev.aigateway.ports.ProviderOptionsReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads the {@code config} block of an {@code ai-proxy} plugin, Kong's fields with Kong's defaults, into a route.
 */
final class AiProxyConfigReader {
    /** The {@code model.options} fields every provider shares; each provider's reader adds its own. */
    private static final Set<String> COMMON_OPTIONS = Set.of("upstream_url", "upstream_path", "max_tokens",
            "temperature", "top_p", "top_k", "input_cost", "output_cost", "cached_input_cost", "tuning_precedence");

    /** Whether the route's bodies go upstream as the client sent them: nothing can be written into them. */
    static boolean relaysBodies(RouteType type) {
        return type.capability() == Capability.PASSTHROUGH || type.capability() == Capability.NATIVE;
    }

    private final Map<String, ProviderOptionsReader> providers;

    /** @param providers each provider's options reader, by provider id: the providers this gateway has */
    AiProxyConfigReader(Map<String, ProviderOptionsReader> providers) {
        this.providers = Map.copyOf(providers);
    }

    /** An {@code ai-proxy} block: one target. */
    Route route(String name, List<String> paths, ConfigNode config) {
        config.allowOnly(Set.of("route_type", "auth", "model", "response_streaming", "logging",
                "max_request_body_size", "model_name_header", "llm_format", "timeouts"), Map.of());
        RouteType type = routeType(config);
        config.oneOf("llm_format", Set.of("openai"));
        RouteTarget target = target(config, type, streaming(config), UpstreamConfigReader.timeouts(config.object("timeouts")),
                RouteTarget.DEFAULT_WEIGHT, Optional.empty());
        return new Route(name, paths, type, maxBody(config), config.bool("model_name_header").orElse(true),
                List.of(target), BalancerSettings.defaults(BalancerAlgorithm.ROUND_ROBIN));
    }

    /** An {@code ai-proxy-advanced} block: several targets behind a balancer. */
    Route advanced(String name, List<String> paths, ConfigNode config) {
        config.allowOnly(Set.of("targets", "balancer", "response_streaming", "max_request_body_size",
                "model_name_header", "llm_format", "genai_category", "embeddings", "vectordb"), Map.of());
        config.oneOf("llm_format", Set.of("openai"));
        config.oneOf("genai_category", Set.of("text/generation", "text/embeddings"));
        ConfigNode balancerNode = config.object("balancer");
        Optional<SemanticSettings> semantic = config.has("embeddings")
                ? Optional.of(semantic(config.object("embeddings"), config.object("vectordb"))) : Optional.empty();
        BalancerSettings balancer = BalancerConfigReader.balancer(balancerNode, semantic);
        Set<FailoverCriterion> idle = balancer.criteriaThatCannotFire();
        // Kong's default [error, timeout] is documented; a list someone wrote is what surprises.
        if (!idle.isEmpty() && balancerNode.has("failover_criteria")) {
            balancerNode.warn("failover_criteria", "of route '" + name + "' lists " + idle.stream()
                    .map(FailoverCriterion::configName).collect(Collectors.joining(", ")) + ", which never move a"
                    + " request the upstream received without non_idempotent (LLM requests are POSTs); as written,"
                    + " only error (a connection refused) fails over");
        }
        UpstreamTimeouts timeouts = BalancerConfigReader.timeouts(balancerNode);
        ResponseStreaming streaming = streaming(config);
        List<ConfigNode> targetNodes = config.list("targets");
        if (targetNodes.isEmpty()) {
            throw config.error("targets", "must list at least one target");
        }
        List<RouteTarget> targets = new ArrayList<>();
        RouteType type = null;
        for (ConfigNode node : targetNodes) {
            node.allowOnly(Set.of("route_type", "auth", "model", "logging", "weight", "description"), Map.of());
            RouteType targetType = routeType(node);
            if (type != null && targetType != type) {
                throw node.error("route_type", "must be the same for every target of a route; the first is "
                        + type.configName());
            }
            type = targetType;
            long weight = node.integer("weight").orElse((long) RouteTarget.DEFAULT_WEIGHT);
            if (weight < 1 || weight > 65535) {
                throw node.error("weight", "must be between 1 and 65535");
            }
            targets.add(target(node, targetType, streaming, timeouts, (int) weight, node.string("description")));
        }
        if (balancer.algorithm() == BalancerAlgorithm.SEMANTIC) {
            for (int i = 0; i < targets.size(); i++) {
                if (targets.get(i).description().filter(d -> !d.isBlank()).isEmpty()) {
                    throw targetNodes.get(i).error("description", "is required with the semantic algorithm: it is"
                            + " what prompts are compared with (or CATCHALL)");
                }
            }
        }
        return new Route(name, paths, type, maxBody(config), config.bool("model_name_header").orElse(true),
                targets, balancer);
    }

    /** Kong's {@code embeddings} block, and of {@code vectordb} what an in-memory index needs. */
    private SemanticSettings semantic(ConfigNode embeddings, ConfigNode vectordb) {
        embeddings.allowOnly(Set.of("auth", "model"), Map.of());
        ConfigNode model = embeddings.object("model");
        model.allowOnly(Set.of("provider", "name", "options"), Map.of());
        String provider = provider(model);
        ConfigNode options = model.object("options");
        ProviderOptionsReader reader = providers.get(provider);
        options.allowOnly(union(Set.of("upstream_url"), reader.fields()), Map.of());
        UpstreamTarget upstream = new UpstreamTarget(provider, UpstreamConfigReader.url(options), Optional.empty(),
                UpstreamConfigReader.auth(embeddings.object("auth")), false, UpstreamTimeouts.DEFAULTS, reader.read(options));
        String later = "only the in-memory index is available; leave vectordb.strategy out or set it to memory";
        vectordb.allowOnly(Set.of("strategy", "distance_metric", "threshold", "dimensions"), Map.of(
                "redis", later, "pgvector", later));
        vectordb.oneOf("strategy", Set.of("memory", "redis", "pgvector")).filter(s -> !s.equals("memory"))
                .ifPresent(s -> {
                    throw vectordb.error("strategy", "is not implemented yet: " + later);
                });
        double threshold = vectordb.number("threshold").orElse(0.5);
        vectordb.integer("dimensions").filter(d -> d < 1).ifPresent(d -> {
            throw vectordb.error("dimensions", "must be positive");
        });
        boolean cosine = vectordb.oneOf("distance_metric", Set.of("cosine", "euclidean")).orElse("cosine")
                .equals("cosine");
        return new SemanticSettings(upstream, model.requiredString("name"), threshold, cosine);
    }

    private static RouteType routeType(ConfigNode config) {
        return config.named("route_type", RouteType.class, config.requiredString("route_type"));
    }

    private static long maxBody(ConfigNode config) {
        long maxBody = config.integer("max_request_body_size").orElse(Route.DEFAULT_MAX_REQUEST_BODY_BYTES);
        if (maxBody <= 0) {
            throw config.error("max_request_body_size", "must be a positive number of bytes");
        }
        return maxBody;
    }

    /** One upstream: the {@code model}, {@code auth} and {@code logging} fields of a config or a target. */
    private RouteTarget target(ConfigNode config, RouteType type, ResponseStreaming streaming,
                               UpstreamTimeouts timeouts, int weight, Optional<String> description) {
        ConfigNode model = config.object("model");
        model.allowOnly(Set.of("provider", "name", "options", "model_alias"), Map.of());
        String provider = provider(model);
        ConfigNode options = model.object("options");
        ProviderOptionsReader reader = providers.get(provider);
        options.allowOnly(union(COMMON_OPTIONS, reader.fields()), Map.of());
        Optional<String> alias = model.string("model_alias");
        if (alias.isPresent() && model.string("name").isEmpty()) {
            throw model.error("model_alias", "needs model.name: the alias is another name for that model");
        }
        if (alias.isPresent() && relaysBodies(type)) {
            throw model.error("model_alias", "cannot be set on a " + type.configName() + " route, whose body is"
                    + " forwarded untouched: the provider would get the alias, not model.name; clients name the"
                    + " model itself");
        }
        RoutePolicy policy = new RoutePolicy(new ModelPolicy(model.string("name"), alias), tuning(options),
                precedence(options), streaming);
        ConfigNode auth = config.object("auth");
        Optional<UpstreamAuth> credential = UpstreamConfigReader.auth(auth);
        if (relaysBodies(type) && credential.orElse(null) instanceof UpstreamAuth.BodyParam) {
            throw auth.error("param_location", "cannot be body on a " + type.configName() + " route, whose body is"
                    + " forwarded untouched; use query or a header");
        }
        UpstreamTarget upstream = new UpstreamTarget(provider, UpstreamConfigReader.url(options), UpstreamConfigReader.path(options), credential,
                auth.bool("allow_override").orElse(false), timeouts, reader.read(options));
        ConfigNode logging = config.object("logging");
        logging.allowOnly(Set.of("log_statistics", "log_payloads"), Map.of());
        return new RouteTarget(policy, upstream, new RouteAnalytics(logging.bool("log_statistics").orElse(false),
                pricing(options), logging.bool("log_payloads").orElse(false)), weight, description);
    }

    /** The provider's id, which must be one this gateway has. */
    private String provider(ConfigNode model) {
        String provider = model.requiredString("provider").toLowerCase(Locale.ROOT);
        if (!providers.containsKey(provider)) {
            throw model.error("provider", "names an unknown provider '" + provider + "'; known providers: "
                    + String.join(", ", new TreeSet<>(providers.keySet())));
        }
        return provider;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Prices count only as a pair: a cost from one of them would be wrong, not partial. */
    private static Optional<Pricing> pricing(ConfigNode options) {
        Optional<Double> input = options.number("input_cost");
        Optional<Double> output = options.number("output_cost");
        input.ifPresent(cost -> nonNegative(options, "input_cost", cost));
        output.ifPresent(cost -> nonNegative(options, "output_cost", cost));
        if (input.isPresent() != output.isPresent()) {
            throw options.error(input.isPresent() ? "output_cost" : "input_cost", "is required with the other cost");
        }
        Optional<Double> cached = options.number("cached_input_cost");
        cached.ifPresent(cost -> nonNegative(options, "cached_input_cost", cost));
        if (cached.isPresent() && input.isEmpty()) {
            throw options.error("cached_input_cost", "needs input_cost and output_cost");
        }
        return input.map(in -> new Pricing(in, output.orElseThrow(), cached));
    }

    private static TuningOptions tuning(ConfigNode options) {
        Optional<Long> maxTokens = options.integer("max_tokens");
        maxTokens.ifPresent(v -> range(options, "max_tokens", v, 1, Integer.MAX_VALUE));
        Optional<Double> temperature = options.number("temperature");
        temperature.ifPresent(v -> range(options, "temperature", v, 0, 5));
        Optional<Double> topP = options.number("top_p");
        topP.ifPresent(v -> range(options, "top_p", v, 0, 1));
        Optional<Long> topK = options.integer("top_k");
        topK.ifPresent(v -> range(options, "top_k", v, 0, 500));
        return new TuningOptions(maxTokens.map(Long::intValue), temperature, topP, topK.map(Long::intValue));
    }

    private static TuningPrecedence precedence(ConfigNode options) {
        return options.oneOf("tuning_precedence", Set.of("config", "request"))
                .map(value -> value.equals("request") ? TuningPrecedence.REQUEST : TuningPrecedence.CONFIG)
                .orElse(TuningPrecedence.CONFIG);
    }

    private static ResponseStreaming streaming(ConfigNode config) {
        return config.oneOf("response_streaming", Set.of("allow", "deny", "always"))
                .map(value -> ResponseStreaming.valueOf(value.toUpperCase(Locale.ROOT)))
                .orElse(ResponseStreaming.ALLOW);
    }

    private static void nonNegative(ConfigNode node, String field, double value) {
        if (value < 0) {
            throw node.error(field, "cannot be negative");
        }
    }

    private static void range(ConfigNode node, String field, double value, double min, double max) {
        if (value < min || value > max) {
            throw node.error(field, "must be between " + format(min) + " and " + format(max));
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
