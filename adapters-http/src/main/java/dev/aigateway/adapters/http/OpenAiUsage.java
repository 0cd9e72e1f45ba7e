package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.Usage;

/** OpenAI's {@code usage} object, the same in every answer shape. */
final class OpenAiUsage {

    private OpenAiUsage() { }

    /** Adds {@code usage} to {@code wire}. */
    static void write(ObjectNode wire, Usage usage) {
        wire.putObject("usage")
                .put("prompt_tokens", usage.promptTokens())
                .put("completion_tokens", usage.completionTokens())
                .put("total_tokens", usage.totalTokens());
    }
}
