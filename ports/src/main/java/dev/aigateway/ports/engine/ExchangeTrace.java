package dev.aigateway.ports.engine;

import dev.aigateway.domain.Tunable;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.access.Consumer;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChunkChoice;
import dev.aigateway.domain.chat.FinishReason;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteTarget;
import dev.aigateway.ports.AttemptEnd;
import dev.aigateway.ports.AttemptSpan;
import dev.aigateway.ports.Exchange;
import dev.aigateway.ports.ExchangeSpan;
import dev.aigateway.ports.Payloads;
import dev.aigateway.ports.Served;
import dev.aigateway.ports.engine.balance.TargetFeedback;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
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
    private final ExchangeSpan span;
    private AttemptSpan attemptSpan = AttemptSpan.NONE;
    private Served served;
    private String model;
    private boolean stream;
    private long attemptStartedNanos;
    private long firstChunkNanos = -1;
    private boolean delivered;
    private long chunks;
    private int upstreamCalls = 1;
    /** The model the provider says answered; null until an answer or chunk arrived. */
    private String responseModel;
    /** The provider's id of the answer; null until an answer or chunk arrived. */
    private String responseId;
    private final List<String> finishReasons = new ArrayList<>(1);
    private Optional<Usage> usage = Optional.empty();
    private final List<Integer> tried = new ArrayList<>();
    /** The attempt's numbers, taken when it ended; null while it runs (or when no attempt was made). */
    private Measured measured;
    private TokenBudget.Hold hold = TokenBudget.Hold.NONE;

    /**
     * @param model the model as known before any attempt, {@link #modelBefore}
     * @param span where the exchange is traced
     */
    ExchangeTrace(String requestId, Route route, String model, boolean stream, LongSupplier nanoClock,
                  ExchangeSpan span) {
        this.requestId = requestId;
        this.route = route;
        this.nanoClock = nanoClock;
        this.stream = stream;
        this.attemptStartedNanos = nanoClock.getAsLong();
        this.served = new Served(route.primary(), 0, 1);
        this.model = model;
        this.span = span;
    }

    /** The model an exchange is about before any attempt: the route's fixed one, or the one the client asked for. */
    static String modelBefore(Route route, Optional<String> requestedModel) {
        return route.primary().policy().model().fixedName().or(() -> requestedModel).orElse("unknown");
    }

    /** An attempt on {@code target} begins; the headers returned carry its trace context upstream. */
    Map<String, String> attempting(Served target) {
        served = target;
        tried.add(target.index());
        attemptStartedNanos = nanoClock.getAsLong();
        measured = null;
        attemptSpan = span.attempt(target);
        return attemptSpan.propagation();
    }

    /** The request goes to the attempt's target, resolved by its policy, with these sampling values if any. */
    void sending(String resolvedModel, boolean streamed, Optional<? extends Tunable<?>> sampling) {
        model = resolvedModel;
        stream = streamed;
        attemptSpan.sending(resolvedModel, sampling);
    }

    /** The exchange holds this reservation in its token windows until it settles. */
    void holding(TokenBudget.Hold reserved) {
        hold = reserved;
    }

    /** A whole answer is about to reach the client. */
    void answered(String answeringModel, Optional<Usage> reported) {
        delivered = true;
        responseModel = answeringModel;
        usage = reported;
    }

    /** The whole answer has this id and these finish reasons. */
    void identified(String id, List<Optional<FinishReason>> reasons) {
        responseId = id;
        reasons.forEach(this::finished);
    }

    /** The answer took this many upstream calls (a request split into batches). */
    void upstreamCalls(int calls) {
        upstreamCalls = calls;
    }

    /** A stream chunk is about to reach the client. */
    void chunk(ChatChunk chunk) {
        relaying();
        chunks++;
        responseModel = chunk.model();
        responseId = chunk.id();
        for (ChunkChoice choice : chunk.choices()) {
            finished(choice.finishReason());
        }
        if (chunk.usage().isPresent()) {
            usage = chunk.usage();
        }
    }

    /** Part of the answer is about to reach the client: the time to the first part is taken at the first. */
    void relaying() {
        if (firstChunkNanos < 0) {
            firstChunkNanos = nanoClock.getAsLong();
        }
        delivered = true;
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

    /**
     * The attempt under way ended: its numbers are taken now, once, for the balancer, its span and the exchange.
     *
     * @param succeeded whether it counts as a success of its target (the client's own faults do)
     * @param error why it failed, when it did
     * @param failsOver whether the route moves on to another target because of it
     */
    TargetFeedback attemptEnded(boolean succeeded, Optional<GatewayError> error, boolean failsOver) {
        measured = measure();
        attemptSpan.end(new AttemptEnd(error, failsOver, Optional.ofNullable(responseModel),
                Optional.ofNullable(responseId), finishReasons, usage, measured.timeToFirstToken()));
        return new TargetFeedback(succeeded, measured.latency(), measured.timeToFirstToken(), usage,
                measured.cost());
    }

    /**
     * The exchange ended: its reservation settles on what it used. That is the provider's usage when it arrived;
     * when an answer reached the client without it (a stream cut short), the prompt's estimate and a token per chunk
     * relayed; nothing when no answer did. Where the engine writes the answer itself (chat, completions, native
     * routes), that is after its last bytes: the store's round trip (one to Redis) then stays off the answer's way,
     * and the next request on the client's connection, read only once this exchange is over, still comes after it.
     */
    void settle(IntSupplier promptEstimate) {
        Optional<Usage> used = usage;
        if (usage.isEmpty() && delivered && hold != TokenBudget.Hold.NONE) {
            int prompt = promptEstimate.getAsInt();
            int completion = (int) Math.min(Integer.MAX_VALUE, chunks);
            used = Optional.of(new Usage(prompt, completion, prompt + completion));
        }
        hold.settle(used, served.target().analytics().pricing());
    }

    /** The exchange as it ended, with the numbers of its last attempt; its span ends with it. */
    Exchange end(Exchange.Outcome outcome, Optional<GatewayError> error, Optional<Consumer> consumer,
                 boolean limitsUnchecked, Payloads payloads) {
        Measured numbers = measured != null ? measured : measure();
        Exchange exchange = new Exchange(requestId, route, served, tried, model, Optional.ofNullable(responseModel),
                Optional.ofNullable(responseId), finishReasons, stream, outcome, error, usage, numbers.latency(),
                numbers.timeToFirstToken(), numbers.cost(), consumer, limitsUnchecked, upstreamCalls,
                span.traceId(), payloads);
        span.end(exchange);
        return exchange;
    }

    private void finished(Optional<FinishReason> reason) {
        reason.ifPresent(r -> finishReasons.add(r.name().toLowerCase(Locale.ROOT)));
    }

    private Measured measure() {
        RouteTarget target = served.target();
        return new Measured(Duration.ofNanos(nanoClock.getAsLong() - attemptStartedNanos),
                firstChunkNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(firstChunkNanos
                        - attemptStartedNanos)),
                usage.flatMap(u -> target.analytics().pricing().map(p -> p.costOf(u))));
    }

    /** An attempt's latency, time to first token and cost. */
    private record Measured(Duration latency, Optional<Duration> timeToFirstToken, Optional<Double> cost) { }
}
