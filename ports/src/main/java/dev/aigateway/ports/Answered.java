package dev.aigateway.ports;

import java.util.Objects;

/**
 * An answer a use case returns, with which target gave it.
 *
 * @param answer the provider's answer
 * @param served which target answered, after how many attempts
 */
public record Answered<T>(T answer, Served served) {
    public Answered {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(served, "served");
    }
}
