package dev.aigateway.app;

import dev.aigateway.domain.route.BalancerAlgorithm;
import dev.aigateway.domain.route.BalancerSettings;
import dev.aigateway.domain.route.FailoverCriterion;
import dev.aigateway.domain.route.SemanticSettings;
import dev.aigateway.domain.route.UpstreamTimeouts;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code balancer} block of an {@code ai-proxy-advanced} plugin, Kong's fields with Kong's defaults. */
final class BalancerConfigReader {
    private static final long DEFAULT_TIMEOUT_MS = 60_000;

    private BalancerConfigReader() { }

    static BalancerSettings balancer(ConfigNode node, Optional<SemanticSettings> semantic) {
        node.allowOnly(Set.of("algorithm", "retries", "connect_timeout", "read_timeout", "write_timeout",
                "failover_criteria", "hash_on_header", "latency_strategy", "tokens_count_strategy", "max_fails",
                "fail_timeout", "slots"), Map.of());
        BalancerAlgorithm algorithm = node.named("algorithm", BalancerAlgorithm.class)
                .orElse(BalancerAlgorithm.ROUND_ROBIN);
        if (algorithm == BalancerAlgorithm.SEMANTIC && semantic.isEmpty()) {
            throw node.error("algorithm", "semantic needs the plugin's embeddings block, which embeds the targets'"
                    + " descriptions and the prompts");
        }
        BalancerSettings defaults = BalancerSettings.defaults(BalancerAlgorithm.ROUND_ROBIN);
        Set<FailoverCriterion> criteria = node.has("failover_criteria") ? criteria(node) : defaults.failoverCriteria();
        if (node.has("write_timeout") && node.integer("write_timeout").orElseThrow() != DEFAULT_TIMEOUT_MS) {
            throw node.error("write_timeout", "is not implemented yet: writes are bounded by the connection; leave it"
                    + " at 60000");
        }
        node.integer("slots").filter(slots -> slots < 10 || slots > 65536)
                .ifPresent(slots -> {
                    throw node.error("slots", "must be between 10 and 65536");
                });
        String latency = node.oneOf("latency_strategy", Set.of("tpot", "e2e")).orElse("tpot");
        String usage = node.oneOf("tokens_count_strategy", Set.of("total-tokens", "prompt-tokens",
                "completion-tokens", "cost")).orElse("total-tokens");
        if (algorithm == BalancerAlgorithm.CONSISTENT_HASHING && !node.has("hash_on_header")) {
            throw node.error("hash_on_header", "is required with consistent-hashing");
        }
        return new BalancerSettings(algorithm, nonNegative(node, "retries", defaults.retries()), criteria,
                node.string("hash_on_header"), latency.equals("tpot"),
                BalancerSettings.UsageMetric.valueOf(usage.replace('-', '_').toUpperCase(Locale.ROOT)),
                nonNegative(node, "max_fails", defaults.maxFails()),
                Duration.ofMillis(positive(node, "fail_timeout", defaults.failTimeout().toMillis())), semantic);
    }

    /** The balancer's connect and read timeouts apply to every target; read also bounds stream silences. */
    static UpstreamTimeouts timeouts(ConfigNode node) {
        Duration connect = Duration.ofMillis(positive(node, "connect_timeout", DEFAULT_TIMEOUT_MS));
        Duration read = Duration.ofMillis(positive(node, "read_timeout", DEFAULT_TIMEOUT_MS));
        return new UpstreamTimeouts(connect, read, read, UpstreamTimeouts.DEFAULTS.total());
    }

    private static Set<FailoverCriterion> criteria(ConfigNode node) {
        Set<FailoverCriterion> criteria = EnumSet.noneOf(FailoverCriterion.class);
        for (String name : node.strings("failover_criteria")) {
            criteria.add(node.named("failover_criteria", FailoverCriterion.class, name));
        }
        return criteria;
    }

    private static int nonNegative(ConfigNode node, String field, int fallback) {
        long value = node.integer(field).orElse((long) fallback);
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw node.error(field, "must be zero or a positive whole number");
        }
        return (int) value;
    }

    private static long positive(ConfigNode node, String field, long fallback) {
        long value = node.integer(field).orElse(fallback);
        if (value < 1) {
            throw node.error(field, "must be a positive number of milliseconds");
        }
        return value;
    }
}
