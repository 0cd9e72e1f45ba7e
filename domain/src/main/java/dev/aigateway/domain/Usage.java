package dev.aigateway.domain;

/**
 * Token counts, and the pages and audio seconds some endpoints count instead, exactly as the provider reported them;
 * the gateway never estimates them.
 *
 * @param promptTokens tokens in the prompt
 * @param completionTokens tokens generated
 * @param totalTokens the provider's own total, kept even when it is not the sum of the two
 * @param cachedPromptTokens of the prompt tokens, those the provider served from its prompt cache (0 when it said
 *     none or nothing)
 * @param reasoningTokens of the completion tokens, those a reasoning model spent thinking (0 when it said none or
 *     nothing)
 * @param pagesProcessed the document pages an OCR call read (0 elsewhere)
 * @param promptAudioSeconds the seconds of audio in the prompt (0 when there was none)
 */
public record Usage(int promptTokens, int completionTokens, int totalTokens, int cachedPromptTokens,
                    int reasoningTokens, int pagesProcessed, int promptAudioSeconds) {
    public Usage {
        if (promptTokens < 0 || completionTokens < 0 || totalTokens < 0 || cachedPromptTokens < 0
                || reasoningTokens < 0 || pagesProcessed < 0 || promptAudioSeconds < 0) {
            throw new IllegalArgumentException("usage counts cannot be negative");
        }
    }

    /** Token counts with cached and reasoning tokens, no pages or audio. */
    public Usage(int promptTokens, int completionTokens, int totalTokens, int cachedPromptTokens,
                 int reasoningTokens) {
        this(promptTokens, completionTokens, totalTokens, cachedPromptTokens, reasoningTokens, 0, 0);
    }

    /** Counts without cached or reasoning tokens. */
    public Usage(int promptTokens, int completionTokens, int totalTokens) {
        this(promptTokens, completionTokens, totalTokens, 0, 0);
    }

    /** Both usages added up, count by count. */
    public Usage plus(Usage other) {
        return new Usage(promptTokens + other.promptTokens, completionTokens + other.completionTokens,
                totalTokens + other.totalTokens, cachedPromptTokens + other.cachedPromptTokens,
                reasoningTokens + other.reasoningTokens, pagesProcessed + other.pagesProcessed,
                promptAudioSeconds + other.promptAudioSeconds);
    }
}
