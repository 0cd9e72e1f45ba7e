package dev.aigateway.adapters.mistral;

import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.json.JsonValue;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which {@code reasoning_effort} values Mistral's models take. Models with adjustable reasoning take only some of
 * the values in Mistral's schema; a value outside a model's set is refused here with the values it takes, instead of
 * reaching Mistral. A model not in the table gets any value of the schema, unchecked beyond that, since Mistral's
 * list of models is newer than this table can be.
 */
final class MistralReasoningEfforts {
    static final String FIELD = "reasoning_effort";
    /** The values Mistral's OpenAPI schema allows ({@code ReasoningEffort}). */
    static final List<String> SCHEMA_VALUES = List.of("none", "minimal", "low", "medium", "high", "xhigh");

    /** A family of models by name, and the values it takes. */
    private record Family(Pattern models, List<String> efforts) { }

    /**
     * Mistral Small 4 and Medium 3.5 switch reasoning on with {@code high} and off with {@code none} (Mistral's
     * reasoning guide, December 2026); their dated names follow the same rule.
     */
    private static final List<Family> TABLE = List.of(
            new Family(Pattern.compile("mistral-small-(latest|2603)"), List.of("none", "high")),
            new Family(Pattern.compile("mistral-medium-(3-5|3\\.5|2605)(-.*)?"), List.of("none", "high")));

    private MistralReasoningEfforts() { }

    /** The value, when {@code model} takes it; a 400 naming the field and the values it takes otherwise. */
    static JsonValue check(String model, JsonValue value) {
        List<String> accepted = TABLE.stream().filter(family -> family.models().matcher(model).matches())
                .findFirst().map(Family::efforts).orElse(SCHEMA_VALUES);
        if (!(value instanceof JsonValue.JsonString effort) || !Set.copyOf(accepted).contains(effort.value())) {
            throw GatewayException.invalid("reasoning_effort must be one of " + String.join(", ", accepted)
                    + " for " + model + (value instanceof JsonValue.JsonString effort ? ", got '" + effort.value()
                    + "'" : ""), FIELD);
        }
        return value;
    }
}
