package dev.aigateway.domain.route;

import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.completion.CompletionRequest;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules a route applies to every request before it goes upstream.
 *
 * @param precedence who wins when the route and the request both set a tuning value
 * @param streaming whether streamed answers are allowed, refused or forced
 */
public record RoutePolicy(ModelPolicy model, TuningOptions tuning, TuningPrecedence precedence,
                          ResponseStreaming streaming) {
    public RoutePolicy {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tuning, "tuning");
        Objects.requireNonNull(precedence, "precedence");
        Objects.requireNonNull(streaming, "streaming");
    }

    /** Model from the request, no tuning, streaming allowed. */
    public static RoutePolicy defaults() {
        return new RoutePolicy(ModelPolicy.fromRequest(), TuningOptions.none(), TuningPrecedence.CONFIG,
                ResponseStreaming.ALLOW);
    }

    /** The chat request as it goes upstream: model resolved, tuning merged, streaming rule applied. */
    public ChatRequest applyTo(ChatRequest request) {
        boolean stream = streams(request.stream());
        return tuning.applyTo(request, precedence).toBuilder()
                .model(model.resolve(request.model()))
                .stream(stream)
                .build();
    }

    /** The text completion request as it goes upstream: model resolved, tuning merged, streaming rule applied. */
    public CompletionRequest applyTo(CompletionRequest request) {
        boolean stream = streams(request.stream());
        return tuning.applyTo(request, precedence).withModelAndStream(model.resolve(request.model()), stream);
    }

    private boolean streams(boolean asked) {
        if (asked && streaming == ResponseStreaming.DENY) {
            throw new GatewayException(new GatewayError.Unsupported(
                    "response streaming is not enabled for this LLM", Optional.of("stream")));
        }
        return asked || streaming == ResponseStreaming.ALWAYS;
    }

    /** The embedding request as it goes upstream: model resolved. */
    public EmbeddingRequest applyTo(EmbeddingRequest request) {
        return request.withModel(model.resolve(request.model()));
    }
}
