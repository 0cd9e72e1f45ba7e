package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.domain.error.GatewayException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of request members. A wrong type is a 400 naming the field; {@code null} counts as absent,
 * as OpenAI's API treats it.
 */
final class WireFields {

    private WireFields() { }

    static Optional<String> string(JsonNode parent, String member, String param) {
        JsonNode value = parent.get(member);
        if (absent(value)) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw wrongType(param, "a string");
        }
        return Optional.of(value.textValue());
    }

    static String requiredString(JsonNode parent, String member, String param) {
        return string(parent, member, param).orElseThrow(() -> missing(param));
    }

    static Optional<Boolean> bool(JsonNode parent, String member, String param) {
        JsonNode value = parent.get(member);
        if (absent(value)) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw wrongType(param, "true or false");
        }
        return Optional.of(value.booleanValue());
    }

    static Optional<Double> number(JsonNode parent, String member, String param) {
        JsonNode value = parent.get(member);
        if (absent(value)) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw wrongType(param, "a number");
        }
        return Optional.of(value.doubleValue());
    }

    static Optional<Integer> integer(JsonNode parent, String member, String param) {
        return wholeNumber(parent, member, param).map(v -> {
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw GatewayException.invalid("'" + param + "' is out of range", param);
            }
            return v.intValue();
        });
    }

    static Optional<Long> wholeNumber(JsonNode parent, String member, String param) {
        JsonNode value = parent.get(member);
        if (absent(value)) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() && !(value.isNumber() && isWhole(value))) {
            throw wrongType(param, "an integer");
        }
        if (!value.canConvertToLong()) {
            throw GatewayException.invalid("'" + param + "' is out of range", param);
        }
        return Optional.of(value.longValue());
    }

    /** The member's array, empty when absent; a non-array is a 400. */
    static JsonNode array(JsonNode parent, String member, String param) {
        JsonNode value = parent.get(member);
        if (absent(value)) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (!value.isArray()) {
            throw wrongType(param, "an array");
        }
        return value;
    }

    static JsonNode object(JsonNode value, String param) {
        if (value == null || !value.isObject()) {
            throw wrongType(param, "an object");
        }
        return value;
    }

    /** A string or an array of strings, as {@code stop} takes. */
    static List<String> stringOrStrings(JsonNode parent, String member, String param) {
        JsonNode value = parent.get(member);
        if (absent(value)) {
            return List.of();
        }
        if (value.isTextual()) {
            return List.of(value.textValue());
        }
        if (!value.isArray()) {
            throw wrongType(param, "a string or an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw wrongType(param + "[" + i + "]", "a string");
            }
            values.add(value.get(i).textValue());
        }
        return values;
    }

    /** Refuses an array longer than the configured limit. */
    static void atMost(JsonNode array, int limit, String param) {
        if (array.size() > limit) {
            throw GatewayException.invalid("'" + param + "' holds " + array.size() + " items; this gateway accepts"
                    + " at most " + limit, param);
        }
    }

    static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    static GatewayException missing(String param) {
        return GatewayException.invalid("'" + param + "' is required", param);
    }

    static GatewayException wrongType(String param, String expected) {
        return GatewayException.invalid("'" + param + "' must be " + expected, param);
    }

    private static boolean isWhole(JsonNode value) {
        return value.decimalValue().stripTrailingZeros().scale() <= 0;
    }
}
