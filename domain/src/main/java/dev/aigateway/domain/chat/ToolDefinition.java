package dev.aigateway.domain.chat;

import dev.aigateway.domain.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * A function the model may call.
 *
 * @param parameters the JSON schema of the arguments, when the client gave one
 * @param strict whether the provider must follow the schema exactly, when the client said
 */
public record ToolDefinition(String name, Optional<String> description, Optional<JsonValue> parameters,
                             Optional<Boolean> strict) {
    public ToolDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(strict, "strict");
    }
}
