package dev.aigateway.domain;

/**
 * Token counts exactly as the provider reported them; the gateway never estimates them.
 *
 * @param promptTokens tokens in the prompt
 * @param completionTokens tokens generated
 * @param totalTokens the provider's own total, kept even when it is not the sum of the two
 * @param cachedPromptTokens of the prompt tokens, those the provider served from its prompt cache (0 when it said
 *     none or nothing)
 * @param reasoningTokens of the completion tokens, those a reasoning model spent thinking (0 when it said none or
 *     nothing)
 */
public record Usage(int promptTokens, int completionTokens, int totalTokens, int cachedPromptTokens,
                    int reasoningTokens) {
    public Usage {
        if (promptTokens < 0 || completionTokens < 0 || totalTokens < 0 || cachedPromptTokens < 0
                || reasoningTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }

    /** Counts without cached or reasoning tokens. */
    public Usage(int promptTokens, int completionTokens, int totalTokens) {
        this(promptTokens, completionTokens, totalTokens, 0, 0);
    }
}
