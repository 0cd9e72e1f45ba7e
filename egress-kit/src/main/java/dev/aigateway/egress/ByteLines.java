package dev.aigateway.egress;

import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A body's lines, ended by CR, LF or CRLF (SSE allows all three; NDJSON uses LF), read through a small buffer that
 * grows up to a cap. Both stream readers work on bytes: the lines are JSON for a parser that reads UTF-8 itself, so
 * decoding them to text and back would be wasted work, and a character reader's buffers (24 KiB) would stay with
 * every open stream.
 */
final class ByteLines {
    /** A line larger than any chunk a provider sends: refused rather than buffered without end. */
    static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

    private final InputStream in;
    private byte[] buffer = new byte[1024];
    private int position;
    private int limit;
    private int start;
    private int end;
    private boolean skipLineFeed;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** Moves to the next whole line; false at the end of the body (a last line without an ending counts). */
    boolean next() throws IOException {
        int scanned = 0; // bytes after position already known to hold no line ending
        while (true) {
            if (skipLineFeed && position < limit) {
                skipLineFeed = false;
                if (buffer[position] == '\n') {
                    position++;
                }
            }
            for (int i = position + scanned; i < limit; i++) {
                if (buffer[i] == '\n' || buffer[i] == '\r') {
                    start = position;
                    end = i;
                    position = i + 1;
                    skipLineFeed = buffer[i] == '\r';
                    return true;
                }
            }
            scanned = limit - position;
            if (!fill()) {
                if (position < limit) {
                    start = position;
                    end = limit;
                    position = limit;
                    return true;
                }
                return false;
            }
        }
    }

    /** Whether more bytes can be read without waiting. */
    boolean ready() throws IOException {
        return position < limit || in.available() > 0;
    }

    int length() {
        return end - start;
    }

    byte at(int index) {
        return buffer[start + index];
    }

    boolean startsWith(byte[] prefix) {
        return length() >= prefix.length
                && Arrays.equals(buffer, start, start + prefix.length, prefix, 0, prefix.length);
    }

    /** Whether the line holds only spaces and tabs. */
    boolean isBlank() {
        for (int i = start; i < end; i++) {
            if (buffer[i] != ' ' && buffer[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    byte[] copy() {
        return Arrays.copyOfRange(buffer, start, end);
    }

    void appendTo(Bytes target, int skip) {
        target.append(buffer, start + skip, length() - skip);
    }

    static GatewayException tooLarge(String what) {
        return new GatewayException(new GatewayError.UpstreamProtocolError("the upstream sent " + what
                + " larger than " + MAX_LINE_BYTES + " bytes"));
    }

    /** Reads more bytes after those not yet consumed; false at the end of the body. */
    private boolean fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            if (buffer.length >= MAX_LINE_BYTES) {
                throw tooLarge("a stream line");
            }
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read <= 0) {
            return false;
        }
        limit += read;
        return true;
    }

    /** A growable byte array that refuses to grow past the cap. */
    static final class Bytes {
        private byte[] bytes = new byte[256];
        private int length;

        int length() {
            return length;
        }

        void append(byte b) {
            ensure(1);
            bytes[length++] = b;
        }

        void append(byte[] source, int offset, int count) {
            ensure(count);
            System.arraycopy(source, offset, bytes, length, count);
            length += count;
        }

        byte[] take() {
            byte[] taken = Arrays.copyOf(bytes, length);
            length = 0;
            return taken;
        }

        private void ensure(int more) {
            if ((long) length + more > MAX_LINE_BYTES) {
                throw tooLarge("a stream event");
            }
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }
}
