package dev.aigateway.domain.chat;

import java.util.Objects;

/** How the model may use the tools it was given. */
public sealed interface ToolChoice {

    /** The model decides whether to call tools. */
    record Auto() implements ToolChoice { }

    /** The model must not call tools. */
    record None() implements ToolChoice { }

    /** The model must call at least one tool. */
    record Required() implements ToolChoice { }

    /** The model must call this function. */
    record Function(String name) implements ToolChoice {
        public Function {
            Objects.requireNonNull(name, "name");
        }
    }
}
