package dev.aigateway.domain.access;

import dev.aigateway.domain.ConfigNamed;

/** Where a route's limit counters live (Kong's {@code strategy}). */
public enum CounterStore implements ConfigNamed {
    /** In this instance's memory. */
    LOCAL("local"),
    /** In a store every instance shares. */
    SHARED("redis");

    private final String configName;

    CounterStore(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
