package dev.aigateway.adapters.mistral;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Reads an SSE body event by event, handing each event's data on as soon as its blank line arrives. */
final class ServerSentEvents {
    static final String DONE = "[DONE]";

    private ServerSentEvents() { }

    /**
     * Calls {@code onData} with the data of each event, in order, until {@code data: [DONE]} or the end of the body.
     *
     * @return true when the stream ended with {@code [DONE]}, false when the body ended without it
     */
    static boolean read(InputStream body, Consumer<String> onData) throws IOException {
        return read(body, onData, () -> { });
    }

    /**
     * The same, calling {@code caughtUp} after an event whenever no more bytes are ready to read: the moment to
     * flush what was passed on, without holding back an event that arrived alone.
     */
    static boolean read(InputStream body, Consumer<String> onData, Runnable caughtUp) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    String event = data.toString();
                    data.setLength(0);
                    if (event.equals(DONE)) {
                        return true;
                    }
                    onData.accept(event);
                    if (!lines.ready()) {
                        caughtUp.run();
                    }
                }
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                // One space after the colon belongs to the framing, not the data (SSE spec).
                data.append(line, line.startsWith("data: ") ? 6 : 5, line.length());
            }
            // Comments (":...") and event/id/retry fields carry nothing the chat chunks need.
        }
        if (data.toString().equals(DONE)) {
            return true;
        }
        if (!data.isEmpty()) {
            onData.accept(data.toString());
        }
        return false;
    }
}
