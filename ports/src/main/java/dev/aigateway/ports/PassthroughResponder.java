package dev.aigateway.ports;

import java.io.OutputStream;
import java.util.Map;

/** Where a forwarded request's answer goes, relayed as it arrives. */
public interface PassthroughResponder {

    /**
     * Sends the upstream's status and headers and returns the stream its body goes to; the provider flushes
     * after each piece it writes and closes the stream at the end.
     */
    OutputStream start(int status, Map<String, String> headers);
}
