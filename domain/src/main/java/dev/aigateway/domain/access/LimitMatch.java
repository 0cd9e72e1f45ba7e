package dev.aigateway.domain.access;

import dev.aigateway.domain.ConfigNamed;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One condition of a limit policy (Kong's {@code match[]} entry).
 *
 * @param type what it looks at
 * @param key the header's name, for {@link Type#HEADER} only
 * @param values the values that match; empty: any request that has the property
 * @param partitionBy whether each value counts in windows of its own (true) or all share one (false)
 */
public record LimitMatch(Type type, Optional<String> key, Set<String> values, boolean partitionBy) {

    /** The request property a condition looks at. */
    public enum Type implements ConfigNamed {
        CONSUMER, MODEL, HEADER, PATH;

        @Override
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public LimitMatch {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        if (key.isPresent() != (type == Type.HEADER)) {
            throw new IllegalArgumentException("a header match, and only a header match, names its header");
        }
        values = Set.copyOf(values);
    }

    /** The request's value of the property, when it matches; empty when the condition does not hold. */
    Optional<String> valueOf(LimitSubject subject) {
        Optional<String> value = switch (type) {
            case CONSUMER -> subject.consumer().map(Consumer::username);
            case MODEL -> Optional.of(subject.model());
            case HEADER -> subject.header(key.orElseThrow());
            case PATH -> Optional.of(subject.path());
        };
        return value.filter(v -> values.isEmpty() || values.contains(v));
    }
}
