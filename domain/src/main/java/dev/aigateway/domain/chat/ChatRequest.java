package dev.aigateway.domain.chat;

import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.json.JsonValue;
import dev.aigateway.domain.Tunable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat completion request, independent of any wire format.
 *
 * @param model the model the client asked for, if any (a route may fix or require it)
 * @param stream whether the answer is streamed as chunks
 * @param maxTokens the most tokens to generate
 * @param seed the sampling seed
 * @param stop stop sequences; empty when none
 * @param tools functions the model may call; empty when none
 * @param responseFormat the requested output format, carried as given
 * @param endUser an id of the client's end user, for abuse tracking
 * @param extensions request fields the ingress does not model, by name: each provider decides to pass,
 *     translate or refuse them
 */
public record ChatRequest(
        Optional<String> model,
        List<Message> messages,
        boolean stream,
        Optional<Double> temperature,
        Optional<Double> topP,
        Optional<Integer> topK,
        Optional<Integer> maxTokens,
        Optional<Long> seed,
        List<String> stop,
        Optional<Double> presencePenalty,
        Optional<Double> frequencyPenalty,
        Optional<Integer> n,
        List<ToolDefinition> tools,
        Optional<ToolChoice> toolChoice,
        Optional<Boolean> parallelToolCalls,
        Optional<JsonValue> responseFormat,
        Optional<String> endUser,
        Map<String, JsonValue> extensions) implements Tunable<ChatRequest> {

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw GatewayException.invalid("'messages' must hold at least one message", "messages");
        }
        Objects.requireNonNull(temperature, "temperature");
        Objects.requireNonNull(topP, "topP");
        Objects.requireNonNull(topK, "topK");
        Objects.requireNonNull(maxTokens, "maxTokens");
        Objects.requireNonNull(seed, "seed");
        stop = List.copyOf(stop);
        Objects.requireNonNull(presencePenalty, "presencePenalty");
        Objects.requireNonNull(frequencyPenalty, "frequencyPenalty");
        Objects.requireNonNull(n, "n");
        tools = List.copyOf(tools);
        Objects.requireNonNull(toolChoice, "toolChoice");
        Objects.requireNonNull(parallelToolCalls, "parallelToolCalls");
        Objects.requireNonNull(responseFormat, "responseFormat");
        Objects.requireNonNull(endUser, "endUser");
        extensions = Map.copyOf(extensions);
    }

    @Override
    public ChatRequest withTuning(Optional<Integer> newMaxTokens, Optional<Double> newTemperature,
                                  Optional<Double> newTopP, Optional<Integer> newTopK) {
        return toBuilder().maxTokens(newMaxTokens.orElse(null)).temperature(newTemperature.orElse(null))
                .topP(newTopP.orElse(null)).topK(newTopK.orElse(null)).build();
    }

    /** A builder with no messages and nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link ChatRequest} one optional part at a time. */
    public static final class Builder {
        private String model;
        private final List<Message> messages = new ArrayList<>();
        private boolean stream;
        private Double temperature;
        private Double topP;
        private Integer topK;
        private Integer maxTokens;
        private Long seed;
        private List<String> stop = List.of();
        private Double presencePenalty;
        private Double frequencyPenalty;
        private Integer n;
        private List<ToolDefinition> tools = List.of();
        private ToolChoice toolChoice;
        private Boolean parallelToolCalls;
        private JsonValue responseFormat;
        private String endUser;
        private final Map<String, JsonValue> extensions = new LinkedHashMap<>();

        private Builder() { }

        private Builder(ChatRequest r) {
            model = r.model.orElse(null);
            messages.addAll(r.messages);
            stream = r.stream;
            temperature = r.temperature.orElse(null);
            topP = r.topP.orElse(null);
            topK = r.topK.orElse(null);
            maxTokens = r.maxTokens.orElse(null);
            seed = r.seed.orElse(null);
            stop = r.stop;
            presencePenalty = r.presencePenalty.orElse(null);
            frequencyPenalty = r.frequencyPenalty.orElse(null);
            n = r.n.orElse(null);
            tools = r.tools;
            toolChoice = r.toolChoice.orElse(null);
            parallelToolCalls = r.parallelToolCalls.orElse(null);
            responseFormat = r.responseFormat.orElse(null);
            endUser = r.endUser.orElse(null);
            extensions.putAll(r.extensions);
        }

        public Builder model(String value) { model = value; return this; }
        public Builder message(Message value) { messages.add(value); return this; }
        public Builder messages(List<Message> values) { messages.clear(); messages.addAll(values); return this; }
        public Builder stream(boolean value) { stream = value; return this; }
        public Builder temperature(Double value) { temperature = value; return this; }
        public Builder topP(Double value) { topP = value; return this; }
        public Builder topK(Integer value) { topK = value; return this; }
        public Builder maxTokens(Integer value) { maxTokens = value; return this; }
        public Builder seed(Long value) { seed = value; return this; }
        public Builder stop(List<String> values) { stop = List.copyOf(values); return this; }
        public Builder presencePenalty(Double value) { presencePenalty = value; return this; }
        public Builder frequencyPenalty(Double value) { frequencyPenalty = value; return this; }
        public Builder n(Integer value) { n = value; return this; }
        public Builder tools(List<ToolDefinition> values) { tools = List.copyOf(values); return this; }
        public Builder toolChoice(ToolChoice value) { toolChoice = value; return this; }
        public Builder parallelToolCalls(Boolean value) { parallelToolCalls = value; return this; }
        public Builder responseFormat(JsonValue value) { responseFormat = value; return this; }
        public Builder endUser(String value) { endUser = value; return this; }
        public Builder extension(String name, JsonValue value) { extensions.put(name, value); return this; }

        public ChatRequest build() {
            return new ChatRequest(Optional.ofNullable(model), messages, stream, Optional.ofNullable(temperature),
                    Optional.ofNullable(topP), Optional.ofNullable(topK), Optional.ofNullable(maxTokens),
                    Optional.ofNullable(seed), stop, Optional.ofNullable(presencePenalty),
                    Optional.ofNullable(frequencyPenalty), Optional.ofNullable(n), tools,
                    Optional.ofNullable(toolChoice), Optional.ofNullable(parallelToolCalls),
                    Optional.ofNullable(responseFormat), Optional.ofNullable(endUser), extensions);
        }
    }
}
