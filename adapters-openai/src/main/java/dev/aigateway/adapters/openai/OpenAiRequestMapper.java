package dev.aigateway.adapters.openai;

import static dev.aigateway.egress.JsonTrees.NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.TextInput;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.Message;
import dev.aigateway.domain.completion.CompletionRequest;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.json.JsonValue;
import dev.aigateway.egress.CompletionWire;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.Translation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Domain requests back to OpenAI's own dialect: fields, ids and content parts as the client sent them, nothing added
 * or renamed, but for asking every stream for its usage.
 */
final class OpenAiRequestMapper {
    private static final CompletionWire WIRE = new CompletionWire(OpenAiProvider.NAME);
    /** Fields of an assistant message OpenAI takes back; the others a client replays are OpenAI's answers only. */
    private static final Set<String> ASSISTANT_FIELDS = Set.of("refusal", "audio");

    private OpenAiRequestMapper() { }

    /** @param maxTokensField where the token limit goes, as the upstream names it */
    static Translation chat(ChatRequest request, String maxTokensField) {
        List<String> dropped = new ArrayList<>();
        ObjectNode body = NODES.objectNode();
        body.put("model", model(request.model()));
        ArrayNode messages = body.putArray("messages");
        request.messages().forEach(message -> messages.add(message(message, dropped)));
        stream(body, request.stream());
        request.temperature().ifPresent(t -> body.put("temperature", t));
        request.topP().ifPresent(p -> body.put("top_p", p));
        // Not OpenAI's: OpenAI-compatible servers (vLLM) take it, OpenAI answers 400 naming it.
        request.topK().ifPresent(k -> body.put("top_k", k));
        request.maxTokens().ifPresent(m -> body.put(maxTokensField, m));
        request.seed().ifPresent(s -> body.put("seed", s));
        JsonTrees.putStrings(body, "stop", request.stop());
        request.presencePenalty().ifPresent(p -> body.put("presence_penalty", p));
        request.frequencyPenalty().ifPresent(p -> body.put("frequency_penalty", p));
        request.n().ifPresent(n -> body.put("n", n));
        WIRE.tooling(body, request, "required");
        request.endUser().ifPresent(u -> body.put("user", u));
        extensions(body, request.extensions());
        return new Translation(body, dropped);
    }

    static Translation completion(CompletionRequest request) {
        ObjectNode body = NODES.objectNode();
        body.put("model", model(request.model()));
        body.set("prompt", texts(request.prompts()));
        request.suffix().ifPresent(s -> body.put("suffix", s));
        stream(body, request.stream());
        request.maxTokens().ifPresent(m -> body.put("max_tokens", m));
        request.temperature().ifPresent(t -> body.put("temperature", t));
        request.topP().ifPresent(p -> body.put("top_p", p));
        request.topK().ifPresent(k -> body.put("top_k", k));
        JsonTrees.putStrings(body, "stop", request.stop());
        request.seed().ifPresent(s -> body.put("seed", s));
        extensions(body, request.extensions());
        return new Translation(body, List.of());
    }

    /** Floats always: the ingress encodes base64 itself, from the same vectors. */
    static ObjectNode embedding(EmbeddingRequest request) {
        ObjectNode body = NODES.objectNode();
        body.put("model", model(request.model()));
        body.set("input", texts(request.inputs()));
        request.dimensions().ifPresent(d -> body.put("dimensions", d));
        extensions(body, request.extensions());
        return body;
    }

    /** Every stream asks for its usage, so its tokens are exact whatever the client asked. */
    private static void stream(ObjectNode body, boolean stream) {
        body.put("stream", stream);
        if (stream) {
            body.putObject("stream_options").put("include_usage", true);
        }
    }

    private static String model(Optional<String> model) {
        return model.orElseThrow(
                () -> new IllegalStateException("the route resolves the model before the provider is called"));
    }

    private static void extensions(ObjectNode body, Map<String, JsonValue> extensions) {
        extensions.forEach((name, value) -> body.set(name, JsonTrees.toNode(value)));
    }

    /** Texts and token arrays as OpenAI takes them: an array of strings, or an array of token arrays. */
    private static ArrayNode texts(List<TextInput> inputs) {
        ArrayNode array = NODES.arrayNode();
        for (TextInput input : inputs) {
            switch (input) {
                case TextInput.Text text -> array.add(text.text());
                case TextInput.Tokens tokens -> {
                    ArrayNode ids = array.addArray();
                    tokens.ids().forEach(ids::add);
                }
            }
        }
        return array;
    }

    private static ObjectNode message(Message message, List<String> dropped) {
        ObjectNode wire = NODES.objectNode();
        switch (message) {
            case Message.System system -> {
                wire.put("role", "system").set("content", WIRE.content(system.content()));
                system.name().ifPresent(n -> wire.put("name", n));
            }
            case Message.User user -> {
                wire.put("role", "user").set("content", WIRE.content(user.content()));
                user.name().ifPresent(n -> wire.put("name", n));
            }
            case Message.Assistant assistant -> {
                wire.put("role", "assistant");
                wire.set("content", assistant.content().map(WIRE::content).orElse(NODES.nullNode()));
                if (!assistant.toolCalls().isEmpty()) {
                    ArrayNode calls = wire.putArray("tool_calls");
                    assistant.toolCalls().forEach(call -> calls.add(WIRE.toolCall(call, call.id())));
                }
                assistant.name().ifPresent(n -> wire.put("name", n));
                assistant.extensions().forEach((name, value) -> {
                    if (ASSISTANT_FIELDS.contains(name)) {
                        wire.set(name, JsonTrees.toNode(value));
                    } else {
                        dropped.add("messages[]." + name);
                    }
                });
            }
            case Message.Tool tool -> wire.put("role", "tool").put("tool_call_id", tool.toolCallId())
                    .set("content", WIRE.content(tool.content()));
        }
        return wire;
    }
}
