package dev.aigateway.domain.route;

import dev.aigateway.domain.chat.ChatRequest;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Sampling values configured on a route (Kong's {@code model.options}).
 *
 * @param maxTokens the most tokens to generate
 * @param temperature the sampling temperature
 * @param topP nucleus sampling mass
 * @param topK how many top tokens to sample from
 */
public record TuningOptions(Optional<Integer> maxTokens, Optional<Double> temperature, Optional<Double> topP,
                            Optional<Integer> topK) {
    public TuningOptions {
        Objects.requireNonNull(maxTokens, "maxTokens");
        Objects.requireNonNull(temperature, "temperature");
        Objects.requireNonNull(topP, "topP");
        Objects.requireNonNull(topK, "topK");
    }

    /** No tuning configured. */
    public static TuningOptions none() {
        return new TuningOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The request with these values applied; {@code precedence} says who wins when both sides set one. */
    public ChatRequest applyTo(ChatRequest request, TuningPrecedence precedence) {
        ChatRequest.Builder builder = request.toBuilder();
        merge(maxTokens, request.maxTokens(), precedence, builder, ChatRequest.Builder::maxTokens);
        merge(temperature, request.temperature(), precedence, builder, ChatRequest.Builder::temperature);
        merge(topP, request.topP(), precedence, builder, ChatRequest.Builder::topP);
        merge(topK, request.topK(), precedence, builder, ChatRequest.Builder::topK);
        return builder.build();
    }

    private static <T> void merge(Optional<T> configured, Optional<T> requested, TuningPrecedence precedence,
                                  ChatRequest.Builder builder, BiConsumer<ChatRequest.Builder, T> setter) {
        if (configured.isEmpty()) {
            return;
        }
        boolean configWins = precedence == TuningPrecedence.CONFIG || requested.isEmpty();
        if (configWins) {
            setter.accept(builder, configured.get());
        }
    }
}
