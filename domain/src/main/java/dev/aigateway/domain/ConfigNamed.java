package dev.aigateway.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A constant written in configuration under a name of its own (e.g. {@code round-robin}), found by that name. */
public interface ConfigNamed {

    /** The name as written in configuration. */
    String configName();

    /** The constant of {@code type} configured as {@code name}, if there is one (names are case-sensitive). */
    static <E extends Enum<E> & ConfigNamed> Optional<E> byConfigName(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> value.configName().equals(name)).findFirst();
    }

    /** Every configuration name of {@code type}, in declaration order: what an error lists as allowed. */
    static <E extends Enum<E> & ConfigNamed> List<String> configNames(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigNamed::configName).toList();
    }
}
