package dev.aigateway.egress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/** Reads an SSE body event by event, handing each event's data on as soon as its blank line arrives. */
public final class ServerSentEvents {
    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA_FIELD = "data:".getBytes(StandardCharsets.US_ASCII);

    private ServerSentEvents() { }

    /**
     * Calls {@code onData} with the data of each event, in order, until {@code data: [DONE]} or the end of the body.
     *
     * @return true when the stream ended with {@code [DONE]}, false when the body ended without it
     */
    public static boolean read(InputStream body, Consumer<byte[]> onData) throws IOException {
        return read(body, onData, () -> { });
    }

    /**
     * The same, calling {@code caughtUp} after an event whenever no more bytes are ready to read: the moment to
     * flush what was passed on, without holding back an event that arrived alone.
     */
    public static boolean read(InputStream body, Consumer<byte[]> onData, Runnable caughtUp) throws IOException {
        ByteLines lines = new ByteLines(body);
        ByteLines.Bytes data = new ByteLines.Bytes();
        while (lines.next()) {
            if (lines.length() == 0) {
                if (data.length() > 0) {
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
                if (data.length() > 0) {
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
}
