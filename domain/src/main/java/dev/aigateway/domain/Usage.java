package dev.aigateway.domain;

/**
 * Token counts exactly as the provider reported them; the gateway never estimates them.
 *
 * @param promptTokens tokens in the prompt
 * @param completionTokens tokens generated
 * @param totalTokens the provider's own total, kept even when it is not the sum of the two
 */
public record Usage(int promptTokens, int completionTokens, int totalTokens) {
    public Usage {
        if (promptTokens < 0 || completionTokens < 0 || totalTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }
}
