package dev.aigateway.adapters.mistral;

import static dev.aigateway.egress.JsonTrees.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.Message;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.json.JsonValue;
import dev.aigateway.egress.CompletionWire;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.Translation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Domain chat request to Mistral's {@code ChatCompletionRequest}. Mistral refuses unknown fields with a 422,
 * so every field is either translated, passed because Mistral knows it, or dropped and reported.
 */
final class MistralChatRequestMapper {
    private static final CompletionWire WIRE = new CompletionWire(MistralProvider.NAME);
    static final double MAX_TEMPERATURE = 1.5;

    /** OpenAI request fields that Mistral refuses and that do not change the answer's content. */
    private static final Set<String> OPENAI_ONLY = Set.of("store", "logprobs", "top_logprobs", "logit_bias",
            "modalities", "audio", "stream_options", "web_search_options", "verbosity", "prompt_cache_retention",
            "prompt_cache_options", "safety_identifier", "moderation");

    /** OpenAI-style clients replay a reasoning model's thinking under this name; Mistral takes it as a chunk. */
    private static final String REASONING = "reasoning_content";

    /** Mistral's flag on a last assistant message: the model continues it instead of answering it. */
    private static final String PREFIX = "prefix";

    private static final Set<String> MISTRAL_TOOL_CHOICES = Set.of("auto", "none", "any", "required");

    /** The {@code service_tier} values Mistral accepts; OpenAI's others are dropped. */
    private static final Set<String> MISTRAL_SERVICE_TIERS = Set.of("auto", "standard_only");

    private MistralChatRequestMapper() { }

    static Translation toMistral(ChatRequest request) {
        List<String> dropped = new ArrayList<>();
        ObjectNode body = NODES.objectNode();
        body.put("model", request.model().orElseThrow(
                () -> new IllegalStateException("the route resolves the model before the provider is called")));
        ArrayNode messages = body.putArray("messages");
        for (int i = 0; i < request.messages().size(); i++) {
            messages.add(message(request.messages().get(i), "messages[" + i + "]", dropped));
        }
        body.put("stream", request.stream());
        request.temperature().ifPresent(t -> body.put("temperature", temperature(t)));
        request.topP().ifPresent(p -> body.put("top_p", p));
        if (request.topK().isPresent()) {
            throw GatewayException.invalid("top_k is not supported by Mistral's chat completions", "top_k");
        }
        request.maxTokens().ifPresent(m -> body.put("max_tokens", m));
        JsonTrees.putStrings(body, "stop", request.stop());
        request.presencePenalty().ifPresent(p -> body.put("presence_penalty", p));
        request.frequencyPenalty().ifPresent(p -> body.put("frequency_penalty", p));
        request.n().ifPresent(n -> body.put("n", n));
        WIRE.tooling(body, request, "any");
        request.endUser().ifPresent(u -> dropped.add("user"));
        request.extensions().forEach((name, value) -> extension(body, name, value, dropped));
        // The OpenAI seed wins over a native random_seed: it is the field the domain models.
        request.seed().ifPresent(s -> body.put("random_seed", s));
        return new Translation(body, dropped);
    }

    /** Mistral's temperature range is 0 to 1.5: a 400 naming the field beats Mistral's 422. */
    static double temperature(double value) {
        if (value < 0 || value > MAX_TEMPERATURE) {
            throw GatewayException.invalid("temperature must be between 0 and " + MAX_TEMPERATURE
                    + " for Mistral models, got " + value, "temperature");
        }
        return value;
    }

    private static void extension(ObjectNode body, String name, JsonValue value, List<String> dropped) {
        if (name.equals("tool_choice")) {
            // A word of Mistral's own API (a Mistral SDK's "any"); OpenAI's words arrive as the domain's choice.
            if (!(value instanceof JsonValue.JsonString word && MISTRAL_TOOL_CHOICES.contains(word.value()))) {
                throw GatewayException.invalid("'tool_choice' must be auto, none, any, required or an object naming"
                        + " a function", "tool_choice");
            }
            body.set(name, JsonTrees.toNode(value));
        } else if (name.equals(MistralReasoningEfforts.FIELD)) {
            body.set(name, JsonTrees.toNode(MistralReasoningEfforts.check(body.path("model").asText(), value)));
        } else if (name.equals("service_tier")) {
            boolean accepted = value instanceof JsonValue.JsonString s && MISTRAL_SERVICE_TIERS.contains(s.value());
            if (accepted) {
                body.set(name, JsonTrees.toNode(value));
            } else {
                dropped.add(name);
            }
        } else if (OPENAI_ONLY.contains(name)) {
            dropped.add(name);
        } else {
            // Mistral's own fields (safe_prompt, prompt_mode, prediction, guardrails, ...) pass. Unknown ones pass
            // too: Mistral's schema may be newer than this gateway, and its 422 reaches the client naming the field.
            body.set(name, JsonTrees.toNode(value));
        }
    }

    private static ObjectNode message(Message message, String at, List<String> dropped) {
        ObjectNode wire = NODES.objectNode();
        switch (message) {
            case Message.System system -> {
                wire.put("role", "system");
                wire.set("content", WIRE.content(system.content()));
                system.name().ifPresent(n -> dropped.add("messages[].name"));
            }
            case Message.User user -> {
                wire.put("role", "user");
                wire.set("content", WIRE.content(user.content()));
                user.name().ifPresent(n -> dropped.add("messages[].name"));
            }
            case Message.Assistant assistant -> {
                wire.put("role", "assistant");
                Optional<JsonNode> content = assistant.content().map(WIRE::content);
                Optional<String> reasoning = reasoning(assistant, at);
                if (reasoning.isPresent()) {
                    wire.set("content", withThinking(reasoning.get(), content));
                } else {
                    content.ifPresent(c -> wire.set("content", c));
                }
                if (!assistant.toolCalls().isEmpty()) {
                    ArrayNode calls = wire.putArray("tool_calls");
                    assistant.toolCalls().forEach(call -> calls.add(WIRE.toolCall(call,
                            ToolCallIds.toMistral(call.id()))));
                }
                assistant.extensions().forEach((name, value) -> {
                    if (name.equals(REASONING)) {
                        return;
                    }
                    if (!name.equals(PREFIX)) {
                        dropped.add("messages[]." + name);
                    } else if (value instanceof JsonValue.JsonBool flag) {
                        wire.put(PREFIX, flag.value());
                    } else {
                        throw GatewayException.invalid("'" + at + ".prefix' must be true or false", at + ".prefix");
                    }
                });
                assistant.name().ifPresent(n -> dropped.add("messages[].name"));
            }
            case Message.Tool tool -> {
                wire.put("role", "tool");
                wire.set("content", WIRE.content(tool.content()));
                wire.put("tool_call_id", ToolCallIds.toMistral(tool.toolCallId()));
                tool.name().ifPresent(n -> wire.put("name", n));
            }
        }
        return wire;
    }

    private static Optional<String> reasoning(Message.Assistant assistant, String at) {
        JsonValue value = assistant.extensions().get(REASONING);
        if (value == null || value instanceof JsonValue.JsonNull) {
            return Optional.empty();
        }
        if (value instanceof JsonValue.JsonString text) {
            return Optional.of(text.value());
        }
        throw GatewayException.invalid("'" + at + "." + REASONING + "' must be a string", at + "." + REASONING);
    }

    /**
     * A replayed answer with the thinking that led to it, as Mistral's reasoning models wrote it: a thinking chunk,
     * then the answer's text, so a multi-turn conversation keeps its reasoning context.
     */
    private static ArrayNode withThinking(String reasoning, Optional<JsonNode> content) {
        ArrayNode chunks = NODES.arrayNode();
        chunks.addObject().put("type", "thinking").putArray("thinking").addObject().put("type", "text")
                .put("text", reasoning);
        content.ifPresent(c -> {
            if (c.isArray()) {
                chunks.addAll((ArrayNode) c);
            } else {
                chunks.addObject().put("type", "text").put("text", c.asText());
            }
        });
        return chunks;
    }
}
