package dev.aigateway.domain.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An opaque JSON value, for parts of a request the gateway carries without modelling them
 * (tool parameter schemas, response formats, provider extensions).
 */
public sealed interface JsonValue {

    /** The JSON literal {@code null}. */
    enum JsonNull implements JsonValue { INSTANCE }

    /** A JSON boolean. */
    record JsonBool(boolean value) implements JsonValue { }

    /** A JSON number, kept exact. */
    record JsonNumber(BigDecimal value) implements JsonValue {
        public JsonNumber {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A JSON string. */
    record JsonString(String value) implements JsonValue {
        public JsonString {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A JSON array. */
    record JsonArray(List<JsonValue> items) implements JsonValue {
        public JsonArray {
            items = List.copyOf(items);
        }
    }

    /** A JSON object; member order is kept as given. */
    record JsonObject(Map<String, JsonValue> members) implements JsonValue {
        public JsonObject {
            members.forEach((name, value) -> {
                Objects.requireNonNull(name, "member name");
                Objects.requireNonNull(value, () -> "value of member " + name);
            });
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        /** The empty object {@code {}}. */
        public static JsonObject empty() {
            return new JsonObject(Map.of());
        }
    }
}
