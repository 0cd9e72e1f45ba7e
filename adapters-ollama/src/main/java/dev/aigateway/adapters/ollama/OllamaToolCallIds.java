package dev.aigateway.adapters.ollama;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ollama's tool calls carry no id, and OpenAI clients need one to answer them. A digest of the call gives the same
 * id for the same call every time and on every gateway instance, without state.
 */
final class OllamaToolCallIds {

    private OllamaToolCallIds() { }

    /** {@code call_} and 24 hex digits of the call's position, function and arguments. */
    static String of(int position, String function, String arguments) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((position + "\n" + function + "\n" + arguments)
                    .getBytes(StandardCharsets.UTF_8));
            return "call_" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
