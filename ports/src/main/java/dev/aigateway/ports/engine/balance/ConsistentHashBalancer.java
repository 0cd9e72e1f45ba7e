package dev.aigateway.ports.engine.balance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Consistent hashing on a request value (Kong's {@code hash_on_header}): a ring of points per target, weighted,
 * so that when a target leaves only its own keys move. Requests without the value go round-robin.
 */
public final class ConsistentHashBalancer implements Balancer {
    private static final int POINTS_PER_WEIGHT_UNIT = 2;

    private final NavigableMap<Long, Integer> ring = new TreeMap<>();
    private final RoundRobinBalancer fallback;

    public ConsistentHashBalancer(int[] weights) {
        for (int target = 0; target < weights.length; target++) {
            int points = Math.max(40, weights[target] * POINTS_PER_WEIGHT_UNIT);
            for (int point = 0; point < points; point++) {
                ring.put(hash("target-" + target + "#" + point), target);
            }
        }
        fallback = new RoundRobinBalancer(weights);
    }

    @Override
    public int pick(Set<Integer> excluded, String key) {
        if (key == null) {
            return fallback.pick(excluded, null);
        }
        long point = hash(key);
        for (Map.Entry<Long, Integer> entry : ring.tailMap(point, true).entrySet()) {
            if (!excluded.contains(entry.getValue())) {
                return entry.getValue();
            }
        }
        for (Map.Entry<Long, Integer> entry : ring.headMap(point, false).entrySet()) {
            if (!excluded.contains(entry.getValue())) {
                return entry.getValue();
            }
        }
        return -1;
    }

    private static long hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
