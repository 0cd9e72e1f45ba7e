package dev.aigateway.ports.engine;

import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteTarget;
import dev.aigateway.ports.Exchange;
import dev.aigateway.ports.Served;
import dev.aigateway.ports.engine.balance.TargetFeedback;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * What one exchange has come to so far: the attempt under way, what reached the client, the usage that arrived. Each
 * number is taken here once, for the balancer's feedback and for the one {@link Exchange} the observer gets.
 * One exchange runs on one thread at a time; nothing here is shared.
 */
final class ExchangeTrace {
    private final String requestId;
    private final Route route;
    private final LongSupplier nanoClock;
    private Served served;
    private String model;
    private boolean stream;
    private long attemptStartedNanos;
    private long firstChunkNanos = -1;
    private boolean delivered;
    private Optional<String> responseModel = Optional.empty();
    private Optional<Usage> usage = Optional.empty();
    private final List<Integer> tried = new ArrayList<>();

    /** @param requestedModel the model the client asked for, if any */
    ExchangeTrace(String requestId, Route route, Optional<String> requestedModel, boolean stream,
                  LongSupplier nanoClock) {
        this.requestId = requestId;
        this.route = route;
        this.nanoClock = nanoClock;
        this.stream = stream;
        this.attemptStartedNanos = nanoClock.getAsLong();
        this.served = new Served(route.primary(), 0, 1);
        this.model = route.primary().policy().model().fixedName().or(() -> requestedModel).orElse("unknown");
    }

    /** An attempt on {@code target} begins. */
    void attempting(Served target) {
        served = target;
        tried.add(target.index());
        attemptStartedNanos = nanoClock.getAsLong();
    }

    /** The request goes to the attempt's target, resolved by its policy. */
    void sending(String resolvedModel, boolean streamed) {
        model = resolvedModel;
        stream = streamed;
    }

    /** A whole answer is about to reach the client. */
    void answered(String answeringModel, Optional<Usage> reported) {
        delivered = true;
        responseModel = Optional.of(answeringModel);
        usage = reported;
    }

    /** A stream chunk is about to reach the client. */
    void chunk(ChatChunk chunk) {
        if (firstChunkNanos < 0) {
            firstChunkNanos = nanoClock.getAsLong();
        }
        delivered = true;
        responseModel = Optional.of(chunk.model());
        if (chunk.usage().isPresent()) {
            usage = chunk.usage();
        }
    }

    /** Whether the client has received part of the answer: from then on, nothing fails over. */
    boolean delivered() {
        return delivered;
    }

    String model() {
        return model;
    }

    Served served() {
        return served;
    }

    /** What the attempt under way showed, for the balancer. */
    TargetFeedback feedback(boolean succeeded) {
        return new TargetFeedback(succeeded, latency(), timeToFirstToken(), usage, cost());
    }

    /** The exchange as it ended. */
    Exchange end(Exchange.Outcome outcome, Optional<GatewayError> error) {
        return new Exchange(requestId, route, served, tried, model, responseModel, stream, outcome, error, usage,
                latency(), timeToFirstToken(), cost());
    }

    private Duration latency() {
        return Duration.ofNanos(nanoClock.getAsLong() - attemptStartedNanos);
    }

    private Optional<Duration> timeToFirstToken() {
        return firstChunkNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(firstChunkNanos
                - attemptStartedNanos));
    }

    private Optional<Double> cost() {
        RouteTarget target = served.target();
        return usage.flatMap(u -> target.analytics().pricing().map(p -> p.costOf(u)));
    }
}
