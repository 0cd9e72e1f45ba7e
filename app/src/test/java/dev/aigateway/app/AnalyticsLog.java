package dev.aigateway.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Log records a gateway writes, captured for a test to read: the analytics lines from their logger, or every record
 * of every logger at the finest level, with its parameters and stack trace.
 */
final class AnalyticsLog implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger;
    private final Level levelBefore;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringWriter text = new StringWriter().append(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(String.valueOf(parameter));
                }
            }
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(text));
            }
            lines.add(text.toString());
        }

        @Override
        public void flush() { }

        @Override
        public void close() { }
    };

    private AnalyticsLog(String loggerName, Level level) {
        logger = Logger.getLogger(loggerName);
        levelBefore = logger.getLevel();
        handler.setLevel(level);
        logger.addHandler(handler);
        logger.setLevel(level);
    }

    /** Starts capturing; call it after the gateway started: the first Helidon server in a JVM resets JUL. */
    static AnalyticsLog capture() {
        return new AnalyticsLog("dev.aigateway.analytics", Level.INFO);
    }

    /** Every record of every logger, at every level; the same caveat as {@link #capture()}. */
    static AnalyticsLog everything() {
        return new AnalyticsLog("", Level.ALL);
    }

    /** The lines so far, in order. */
    List<String> lines() {
        return lines;
    }

    /**
     * The lines once there are at least {@code count}, or as they are after five seconds: an exchange is logged when
     * it ends, which can be just after the client got its answer.
     */
    List<String> awaitLines(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (lines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return lines;
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(levelBefore);
    }
}
