package dev.aigateway.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The analytics lines a gateway logs, captured from their logger for a test to read. */
final class AnalyticsLog implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger("dev.aigateway.analytics");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() { }

        @Override
        public void close() { }
    };

    private AnalyticsLog() {
        logger.addHandler(handler);
        logger.setLevel(Level.INFO);
    }

    /** Starts capturing; call it after the gateway started: the first Helidon server in a JVM resets JUL. */
    static AnalyticsLog capture() {
        return new AnalyticsLog();
    }

    /** The lines so far, in order. */
    List<String> lines() {
        return lines;
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
