package dev.aigateway.domain.access;

import dev.aigateway.domain.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The consumers' keys (Kong's {@code keyauth_credentials}), found by the key a client presents. Keys are held only
 * as SHA-256 digests, looked up by digest and confirmed with a constant-time comparison, so neither the time a
 * lookup takes nor a heap dump tells anything about a key.
 */
public final class ConsumerKeys {
    private final Map<String, Entry> byDigest;

    private record Entry(byte[] digest, Consumer consumer) { }

    private ConsumerKeys(Map<String, Entry> byDigest) {
        this.byDigest = Map.copyOf(byDigest);
    }

    /** No consumers. */
    public static ConsumerKeys none() {
        return new ConsumerKeys(Map.of());
    }

    /**
     * The given keys, each naming its consumer.
     *
     * @throws IllegalArgumentException when a key is empty or given twice (the message names no key)
     */
    public static ConsumerKeys of(Map<Secret, Consumer> keys) {
        Map<String, Entry> byDigest = new HashMap<>();
        keys.forEach((key, consumer) -> {
            if (key.isEmpty()) {
                throw new IllegalArgumentException("consumer " + consumer.username() + " has an empty key");
            }
            byte[] digest = digest(key);
            if (byDigest.put(HexFormat.of().formatHex(digest), new Entry(digest, consumer)) != null) {
                throw new IllegalArgumentException("consumer " + consumer.username()
                        + " has a key that another credential already has");
            }
        });
        return new ConsumerKeys(byDigest);
    }

    /** The consumer whose key this is, if any. */
    public Optional<Consumer> find(Secret presented) {
        byte[] digest = digest(presented);
        Entry entry = byDigest.get(HexFormat.of().formatHex(digest));
        return entry != null && MessageDigest.isEqual(entry.digest(), digest)
                ? Optional.of(entry.consumer()) : Optional.empty();
    }

    public int size() {
        return byDigest.size();
    }

    @Override
    public String toString() {
        return "ConsumerKeys[" + byDigest.size() + " keys]";
    }

    private static byte[] digest(Secret key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.reveal().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
