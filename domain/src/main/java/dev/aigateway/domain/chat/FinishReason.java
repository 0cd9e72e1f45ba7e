package dev.aigateway.domain.chat;

/** Why the model stopped generating. */
public enum FinishReason {
    /** A natural end or a stop sequence. */
    STOP,
    /** The token limit was reached (the request's or the model's context). */
    LENGTH,
    /** The model asked for tool calls. */
    TOOL_CALLS,
    /** The provider withheld content. */
    CONTENT_FILTER,
    /** The provider failed while generating. */
    ERROR
}
