package dev.aigateway.egress;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Picks a few top-level fields out of a JSON object fed in pieces, without parsing the rest: an OCR answer may hold
 * megabytes of page text and images, and only its {@code model}, {@code id} and usage are wanted. It follows strings
 * and nesting byte by byte and keeps the raw JSON of the wanted fields' string or object values, each up to
 * {@link #MAX_VALUE_BYTES} (a larger one is dropped, not cut). Malformed input only means fewer fields found.
 */
final class TopLevelFields {
    static final int MAX_VALUE_BYTES = 64 * 1024;
    private static final int MAX_KEY_BYTES = 64;

    private final Set<String> wanted;
    private final Map<String, byte[]> found = new HashMap<>();
    private int depth;
    private boolean inString;
    private boolean escaped;
    /** At depth 1, between a key's colon and the value's end. */
    private boolean inValue;
    private final ByteArrayOutputStream key = new ByteArrayOutputStream(MAX_KEY_BYTES);
    private String currentKey;
    /** The wanted value being kept; null when none is. */
    private ByteArrayOutputStream value;

    TopLevelFields(Set<String> wanted) {
        this.wanted = wanted;
    }

    void feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            feed(bytes[i]);
        }
    }

    /** The raw JSON of each wanted field found whole so far, by name. */
    Map<String, byte[]> found() {
        return found;
    }

    private void feed(byte b) {
        boolean keeping = value != null;
        if (keeping) {
            keep(b);
        }
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (b == '\\') {
                escaped = true;
            } else if (b == '"') {
                inString = false;
                if (depth == 1 && !inValue) {
                    currentKey = key.toString(StandardCharsets.UTF_8);
                } else if (keeping && depth == 1) {
                    valueEnded();
                }
                return;
            }
            if (depth == 1 && !inValue && key.size() < MAX_KEY_BYTES) {
                key.write(b);
            }
            return;
        }
        switch (b) {
            case '"' -> {
                inString = true;
                if (depth == 1 && !inValue) {
                    key.reset();
                } else {
                    startValue(b);
                }
            }
            case '{', '[' -> {
                startValue(b);
                depth++;
            }
            case '}', ']' -> {
                depth--;
                if (value != null && depth == 1) {
                    valueEnded();
                }
                if (depth == 0) {
                    inValue = false;
                }
            }
            case ':' -> {
                if (depth == 1) {
                    inValue = true;
                }
            }
            case ',' -> {
                if (depth == 1) {
                    inValue = false;
                    currentKey = null;
                }
            }
            default -> { } // numbers, literals and white space: no wanted value is one
        }
    }

    /** A value starts at depth 1 under a wanted key: it is kept from its first byte. */
    private void startValue(byte first) {
        if (depth == 1 && inValue && value == null && currentKey != null && wanted.contains(currentKey)) {
            value = new ByteArrayOutputStream();
            value.write(first);
        }
    }

    private void keep(byte b) {
        if (value.size() >= MAX_VALUE_BYTES) {
            value = null;
            currentKey = null;
        } else {
            value.write(b);
        }
    }

    private void valueEnded() {
        if (value != null && value.size() > 0) {
            found.put(currentKey, value.toByteArray());
        }
        value = null;
        currentKey = null;
    }
}
