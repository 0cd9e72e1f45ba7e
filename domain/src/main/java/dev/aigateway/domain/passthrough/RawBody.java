package dev.aigateway.domain.passthrough;

import java.io.IOException;
import java.io.OutputStream;
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

    /** Writes the bytes to {@code out} without copying them first (an OCR document can be megabytes). */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
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
