package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** OpenAI's request fields as the pinned official OpenAI Java SDK declares them, and the fates tests give them. */
final class OpenAiSdkFields {

    private OpenAiSdkFields() { }

    /** A request body class's JSON fields, in OpenAI's snake_case spelling. */
    static Set<String> of(Class<?> body) {
        return Arrays.stream(body.getDeclaredFields())
                .filter(field -> field.getType().getName().startsWith("com.openai.core.Json"))
                .map(Field::getName).filter(name -> !name.startsWith("_"))
                .map(name -> name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Checks what Mistral received for a field: under its own name ({@code sent}), nothing ({@code dropped}), or
     * the name it is translated to.
     */
    static void assertFate(JsonNode sentToMistral, String field, String fate) {
        switch (fate) {
            case "dropped" -> assertThat(sentToMistral.has(field)).as("%s dropped", field).isFalse();
            case "sent" -> assertThat(sentToMistral.has(field)).as("%s sent", field).isTrue();
            default -> assertThat(sentToMistral.has(fate)).as("%s translated to %s", field, fate).isTrue();
        }
    }
}
