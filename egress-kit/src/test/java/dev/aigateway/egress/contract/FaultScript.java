package dev.aigateway.egress.contract;

import java.time.Duration;

/** How a test scripts what a fake upstream does to its next requests instead of answering as a model would. */
public interface FaultScript {
    /** The next request gets this status and body, of this content type. */
    void failNext(int status, String body, String contentType);

    /** The next streamed answer breaks its connection after a few events. */
    void cutNextStream();

    /** The next answer waits this long before sending anything. */
    void delayNext(Duration delay);
}
