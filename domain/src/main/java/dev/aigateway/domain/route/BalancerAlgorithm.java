package dev.aigateway.domain.route;

import dev.aigateway.domain.ConfigNamed;

/** How a route with several targets picks one (Kong's {@code balancer.algorithm}). */
public enum BalancerAlgorithm implements ConfigNamed {
    ROUND_ROBIN("round-robin"),
    CONSISTENT_HASHING("consistent-hashing"),
    LEAST_CONNECTIONS("least-connections"),
    LOWEST_LATENCY("lowest-latency"),
    LOWEST_USAGE("lowest-usage"),
    PRIORITY("priority"),
    SEMANTIC("semantic");

    private final String configName;

    BalancerAlgorithm(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
