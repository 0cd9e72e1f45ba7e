package dev.aigateway.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.ports.ScheduledByHand;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
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

    @Test
    void aQuietStreamsHeartbeatGoesOutAtTheFirstLookAfterAnIntervalAndTheLooksComeFourTimesAnInterval()
            throws InterruptedException {
        ScheduledByHand byHand = new ScheduledByHand();
        Duration heartbeat = Duration.ofMillis(200);
        OpenStreams streams = new OpenStreams(byHand, heartbeat);
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        SseStream stream = new SseStream(client, streams, new ClientCancellation());

        byHand.runPeriodicTask();
        assertThat(client.toString(StandardCharsets.US_ASCII)).as("not quiet for an interval yet").isEmpty();
        Thread.sleep(heartbeat.toMillis());
        byHand.runPeriodicTask();

        assertThat(client.toString(StandardCharsets.US_ASCII)).isEqualTo(": keep-alive\n\n");
        assertThat(byHand.period()).as("so a heartbeat is at most a quarter interval late")
                .isEqualTo(heartbeat.dividedBy(4));
        stream.close();
        byHand.shutdownNow();
    }
}
