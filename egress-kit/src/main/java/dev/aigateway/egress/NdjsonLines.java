package dev.aigateway.egress;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** Reads a newline-delimited JSON body (Ollama's streams) line by line, each line handed on as it arrives. */
public final class NdjsonLines {

    private NdjsonLines() { }

    /**
     * Calls {@code onLine} with each non-blank line, in order, until the end of the body, and {@code caughtUp}
     * after a line whenever no more bytes are ready to read (the moment to flush what was passed on).
     */
    public static void read(InputStream body, Consumer<byte[]> onLine, Runnable caughtUp) throws IOException {
        ByteLines lines = new ByteLines(body);
        while (lines.next()) {
            if (lines.isBlank()) {
                continue;
            }
            onLine.accept(lines.copy());
            if (!lines.ready()) {
                caughtUp.run();
            }
        }
    }
}
