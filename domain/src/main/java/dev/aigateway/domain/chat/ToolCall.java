package dev.aigateway.domain.chat;

import java.util.Objects;

/**
 * A function call the model asked for.
 *
 * @param id the call's id, as the side that produced it spelled it
 * @param name the function's name
 * @param arguments the arguments as a JSON text, exactly as the model produced it
 */
public record ToolCall(String id, String name, String arguments) {
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }
}
