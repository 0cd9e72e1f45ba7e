package dev.aigateway.domain.route;

import java.util.Arrays;
import java.util.Optional;

/** How a route with several targets picks one (Kong's {@code balancer.algorithm}). */
public enum BalancerAlgorithm {
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

    public String configName() {
        return configName;
    }

    public static Optional<BalancerAlgorithm> fromConfigName(String name) {
        return Arrays.stream(values()).filter(a -> a.configName.equals(name)).findFirst();
    }
}
