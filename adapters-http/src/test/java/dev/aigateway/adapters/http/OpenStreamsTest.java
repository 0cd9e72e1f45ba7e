package dev.aigateway.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenStreamsTest {
    private final ScheduledThreadPoolExecutor scheduler = OpenStreams.scheduler();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void streamsShareOnePeriodicLookAndLeaveNothingBehind() {
        OpenStreams streams = new OpenStreams(scheduler, Duration.ofSeconds(15));

        for (int i = 0; i < 1000; i++) {
            SseStream stream = new SseStream(new ByteArrayOutputStream(), streams, new ClientCancellation());
            assertThat(scheduler.getQueue()).as("no timer of its own").hasSize(1);
            stream.close();
        }

        assertThat(streams.count()).isZero();
    }
}
