package dev.aigateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.domain.ConfigNamed;
import dev.aigateway.ports.OptionValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A node of the YAML config that knows its own path, so every error names the field it is about
 * (e.g. {@code routes[0].plugins[0].config.model.provider}). Strings go through environment substitution,
 * also where a number or boolean is expected ({@code port: ${SERVER_PORT:8080}}).
 */
final class ConfigNode implements OptionValues {
    private final JsonNode node;
    private final String path;
    private final EnvSubstitution env;

    ConfigNode(JsonNode node, String path, EnvSubstitution env) {
        this.node = node;
        this.path = path;
        this.env = env;
    }

    String path() {
        return path;
    }

    boolean has(String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    /**
     * Refuses fields this gateway does not know, and those it knows but does not implement yet, so that no
     * setting is silently ignored.
     *
     * @param notYet field name to the reason it is not available yet
     */
    void allowOnly(Set<String> implemented, Map<String, String> notYet) {
        node.fieldNames().forEachRemaining(field -> {
            if (implemented.contains(field)) {
                return;
            }
            String reason = notYet.get(field);
            if (reason != null) {
                throw error(field, "is not implemented yet: " + reason);
            }
            throw error(field, "is not a known field here; known fields: " + String.join(", ",
                    new java.util.TreeSet<>(implemented)));
        });
    }

    ConfigNode object(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return new ConfigNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(),
                    at(key), env);
        }
        if (!value.isObject()) {
            throw error(key, "must be a mapping of fields");
        }
        return new ConfigNode(value, at(key), env);
    }

    /** A reference to another entity as Kong writes it: its name or id, or a mapping with either. */
    Optional<String> reference(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            return string(key);
        }
        ConfigNode reference = object(key);
        reference.allowOnly(Set.of("name", "id"), Map.of());
        return Optional.of(reference.string("name").or(() -> reference.string("id"))
                .orElseThrow(() -> error(key, "must name an entity or give its id")));
    }

    List<ConfigNode> list(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw error(key, "must be a list");
        }
        List<ConfigNode> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            items.add(new ConfigNode(value.get(i), at(key) + "[" + i + "]", env));
        }
        return items;
    }

    List<String> strings(String key) {
        List<String> values = new ArrayList<>();
        for (ConfigNode item : list(key)) {
            if (!item.node.isTextual()) {
                throw new ConfigException(item.path + " must be a string");
            }
            values.add(env.apply(item.node.textValue(), item.path));
        }
        return values;
    }

    @Override
    public Optional<String> string(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw error(key, "must be a string");
        }
        return Optional.of(env.apply(value.asText(), at(key)));
    }

    String requiredString(String key) {
        return string(key).filter(s -> !s.isBlank()).orElseThrow(() -> error(key, "is required"));
    }

    @Override
    public Optional<Long> integer(String key) {
        return string(key).map(text -> {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw error(key, "must be a whole number, got '" + text + "'");
            }
        });
    }

    @Override
    public Optional<Double> number(String key) {
        return string(key).map(text -> {
            try {
                return Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw error(key, "must be a number, got '" + text + "'");
            }
        });
    }

    @Override
    public Optional<Boolean> bool(String key) {
        return string(key).map(text -> switch (text.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(key, "must be true or false, got '" + text + "'");
        });
    }

    /** The value, which must be one of {@code allowed}. */
    @Override
    public Optional<String> oneOf(String key, Set<String> allowed) {
        return string(key).map(value -> {
            if (!allowed.contains(value)) {
                throw error(key, "must be one of " + String.join(", ", new java.util.TreeSet<>(allowed))
                        + "; got '" + value + "'");
            }
            return value;
        });
    }

    /** The constant of {@code type} the field names, when it is set; an error listing the allowed names otherwise. */
    <E extends Enum<E> & ConfigNamed> Optional<E> named(String key, Class<E> type) {
        return string(key).map(value -> named(key, type, value));
    }

    /** The constant of {@code type} configured as {@code value} (found at {@code key}), or an error listing them. */
    <E extends Enum<E> & ConfigNamed> E named(String key, Class<E> type, String value) {
        return ConfigNamed.byConfigName(type, value).orElseThrow(() -> error(key, "must be one of "
                + String.join(", ", ConfigNamed.configNames(type)) + "; got '" + value + "'"));
    }

    /** An environment variable's value, when it is set (for the settings the environment overrides). */
    Optional<String> environment(String name) {
        return env.variable(name);
    }

    /** A warning about {@code key}, naming where it is; the start goes on. */
    void warn(String key, String problem) {
        env.warn(at(key) + " " + problem);
    }

    @Override
    public ConfigException error(String key, String problem) {
        return new ConfigException(at(key) + " " + problem);
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
