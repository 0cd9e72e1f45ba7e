package dev.aigateway.egress.contract;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What a fake upstream does to its next requests instead of answering as a model would: fail with a status and
 * body, cut a stream short, or wait first. The fakes keep one each and ask it per request.
 */
public final class ScriptedFaults implements FaultScript {
    private final ConcurrentLinkedQueue<Fault> next = new ConcurrentLinkedQueue<>();

    /** One scripted fault. */
    public sealed interface Fault {
        /** Answer with this status and body, of this content type. */
        record Fail(int status, String body, String contentType) implements Fault { }

        /** Break a streamed answer off after its first events. */
        record Cut() implements Fault { }

        /** Wait this long, then answer as usual. */
        record Delay(Duration delay) implements Fault { }
    }

    @Override
    public void failNext(int status, String body, String contentType) {
        next.add(new Fault.Fail(status, body, contentType));
    }

    @Override
    public void cutNextStream() {
        next.add(new Fault.Cut());
    }

    @Override
    public void delayNext(Duration delay) {
        next.add(new Fault.Delay(delay));
    }

    /** The fault for the request at hand, if one was scripted; a delay is waited out here. */
    public Optional<Fault> take() {
        Fault fault = next.poll();
        if (fault instanceof Fault.Delay delay) {
            try {
                Thread.sleep(delay.delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.ofNullable(fault);
    }
}
