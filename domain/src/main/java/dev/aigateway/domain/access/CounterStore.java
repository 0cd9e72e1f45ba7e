package dev.aigateway.domain.access;

import java.util.Arrays;
import java.util.Optional;

/** Where a route's limit counters live (Kong's {@code strategy}). */
public enum CounterStore {
    /** In this instance's memory. */
    LOCAL("local"),
    /** In a store every instance shares. */
    SHARED("redis");

    private final String configName;

    CounterStore(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Optional<CounterStore> fromConfigName(String name) {
        return Arrays.stream(values()).filter(store -> store.configName.equals(name)).findFirst();
    }
}
