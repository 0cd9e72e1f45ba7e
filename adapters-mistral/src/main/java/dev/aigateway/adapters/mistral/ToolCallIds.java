package dev.aigateway.adapters.mistral;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * Mistral accepts only tool-call ids of nine letters or digits. Clients replay their history on every turn,
 * so an id must map the same way each time and on every gateway instance: a hash does that without state.
 */
final class ToolCallIds {
    private static final Pattern MISTRAL_ID = Pattern.compile("[a-zA-Z0-9]{9}");
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int LENGTH = 9;

    private ToolCallIds() { }

    /** The id as Mistral accepts it: unchanged when already valid, else a stable nine-character digest. */
    static String toMistral(String id) {
        if (MISTRAL_ID.matcher(id).matches()) {
            return id;
        }
        byte[] digest = sha256(id);
        char[] out = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = ALPHABET[(digest[i] & 0xff) % ALPHABET.length];
        }
        return new String(out);
    }

    private static byte[] sha256(String id) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
