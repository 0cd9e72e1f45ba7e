package dev.aigateway.domain.passthrough;

import java.util.Arrays;

/** Request body bytes carried as they came, immutable. */
public final class RawBody implements RequestBody {
    private static final RawBody EMPTY = new RawBody(new byte[0]);
    private final byte[] bytes;

    private RawBody(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A body holding a copy of {@code bytes}. */
    public static RawBody of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new RawBody(bytes.clone());
    }

    public static RawBody empty() {
        return EMPTY;
    }

    public int length() {
        return bytes.length;
    }

    /** A copy of the bytes. */
    public byte[] toArray() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RawBody that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RawBody[" + bytes.length + " bytes]";
    }
}
