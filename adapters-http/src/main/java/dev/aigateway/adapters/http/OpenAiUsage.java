package dev.aigateway.adapters.http;

import static dev.aigateway.adapters.http.OpenAiJson.NODES;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.Usage;

/** OpenAI's {@code usage} object, the same in every answer shape. */
final class OpenAiUsage {

    private OpenAiUsage() { }

    /**
     * Adds {@code usage} to {@code wire}, with OpenAI's details objects when there are cached or reasoning tokens, and
     * Mistral's {@code prompt_audio_seconds} when the prompt had audio.
     */
    static void write(ObjectNode wire, Usage usage) {
        wire.set("usage", node(usage));
    }

    /** The {@code usage} object itself. */
    static ObjectNode node(Usage usage) {
        ObjectNode written = NODES.objectNode()
                .put("prompt_tokens", usage.promptTokens())
                .put("completion_tokens", usage.completionTokens())
                .put("total_tokens", usage.totalTokens());
        if (usage.cachedPromptTokens() > 0) {
            written.putObject("prompt_tokens_details").put("cached_tokens", usage.cachedPromptTokens());
        }
        if (usage.reasoningTokens() > 0) {
            written.putObject("completion_tokens_details").put("reasoning_tokens", usage.reasoningTokens());
        }
        if (usage.promptAudioSeconds() > 0) {
            // Mistral's own name: OpenAI counts audio in tokens, and seconds are what Mistral prices.
            written.put("prompt_audio_seconds", usage.promptAudioSeconds());
        }
        return written;
    }
}
