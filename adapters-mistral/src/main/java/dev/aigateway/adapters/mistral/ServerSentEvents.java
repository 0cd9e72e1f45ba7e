package dev.aigateway.adapters.mistral;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads an SSE body event by event, handing each event's data on as soon as its blank line arrives.
 *
 * <p>It works on bytes: the data is JSON for a parser that reads UTF-8 itself, so decoding it to text and encoding
 * it back would be wasted work, and a character reader's buffers (24 KiB) would stay with every open stream.
 */
final class ServerSentEvents {
    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA_FIELD = "data:".getBytes(StandardCharsets.US_ASCII);
    /** An event larger than any chunk Mistral sends: refused rather than buffered without end. */
    private static final int MAX_EVENT_BYTES = 8 * 1024 * 1024;

    private ServerSentEvents() { }

    /**
     * Calls {@code onData} with the data of each event, in order, until {@code data: [DONE]} or the end of the body.
     *
     * @return true when the stream ended with {@code [DONE]}, false when the body ended without it
     */
    static boolean read(InputStream body, Consumer<byte[]> onData) throws IOException {
        return read(body, onData, () -> { });
    }

    /**
     * The same, calling {@code caughtUp} after an event whenever no more bytes are ready to read: the moment to
     * flush what was passed on, without holding back an event that arrived alone.
     */
    static boolean read(InputStream body, Consumer<byte[]> onData, Runnable caughtUp) throws IOException {
        Lines lines = new Lines(body);
        Bytes data = new Bytes();
        while (lines.next()) {
            if (lines.length() == 0) {
                if (data.length > 0) {
                    byte[] event = data.take();
                    if (Arrays.equals(event, DONE)) {
                        return true;
                    }
                    onData.accept(event);
                    if (!lines.ready()) {
                        caughtUp.run();
                    }
                }
            } else if (lines.startsWith(DATA_FIELD)) {
                if (data.length > 0) {
                    data.append((byte) '\n');
                }
                // One space after the colon belongs to the framing, not the data (SSE spec).
                int skip = lines.length() > DATA_FIELD.length && lines.at(DATA_FIELD.length) == ' '
                        ? DATA_FIELD.length + 1 : DATA_FIELD.length;
                lines.appendTo(data, skip);
            }
            // Comments (":...") and event/id/retry fields carry nothing the chat chunks need.
        }
        byte[] last = data.take();
        if (Arrays.equals(last, DONE)) {
            return true;
        }
        if (last.length > 0) {
            onData.accept(last);
        }
        return false;
    }

    /** A growable byte array. */
    private static final class Bytes {
        private byte[] bytes = new byte[256];
        private int length;

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
            if ((long) length + more > MAX_EVENT_BYTES) {
                throw MistralResponseMapper.protocolError("a stream event larger than " + MAX_EVENT_BYTES
                        + " bytes");
            }
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }

    /** The body's lines, ended by CR, LF or CRLF (the SSE spec allows all three), read through a small buffer. */
    private static final class Lines {
        private final InputStream in;
        private byte[] buffer = new byte[1024];
        private int position;
        private int limit;
        private int start;
        private int end;
        private boolean skipLineFeed;

        Lines(InputStream in) {
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

        void appendTo(Bytes target, int skip) {
            target.append(buffer, start + skip, length() - skip);
        }

        /** Reads more bytes after those not yet consumed; false at the end of the body. */
        private boolean fill() throws IOException {
            if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, limit - position);
                limit -= position;
                position = 0;
            }
            if (limit == buffer.length) {
                if (buffer.length >= MAX_EVENT_BYTES) {
                    throw MistralResponseMapper.protocolError("a stream line longer than " + MAX_EVENT_BYTES
                            + " bytes");
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
    }
}
