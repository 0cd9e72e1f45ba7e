package dev.aigateway.adapters.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.AssistantReply;
import dev.aigateway.domain.chat.ChatChoice;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.chat.ChunkChoice;
import dev.aigateway.domain.chat.ChunkDelta;
import dev.aigateway.domain.chat.FinishReason;
import dev.aigateway.domain.chat.ToolCall;
import dev.aigateway.domain.embedding.Embedding;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.embedding.EmbeddingVector;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.model.ModelInfo;
import dev.aigateway.egress.CompletionWire;
import dev.aigateway.egress.JsonTrees;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ollama's answers to domain values: one message (or one NDJSON line of a stream) per answer, token counts in
 * {@code prompt_eval_count} and {@code eval_count}, tool calls without ids. Strict about what it needs.
 */
final class OllamaResponseMapper {
    /** Ollama's answers are not of the chat-completion family, but its counts and required members read alike. */
    private static final CompletionWire WIRE = new CompletionWire(OllamaProvider.NAME);

    private OllamaResponseMapper() { }

    /** A whole answer; Ollama gives it no id, so the caller does. */
    static ChatResponse chatResponse(JsonNode root, String id) {
        JsonNode message = root.path("message");
        List<ToolCall> calls = toolCalls(message);
        ChatChoice choice = new ChatChoice(0, new AssistantReply(Optional.of(message.path("content").asText("")),
                text(message, "thinking"), calls), finishReason(root, !calls.isEmpty()));
        return new ChatResponse(id, created(root), required(root, "model"), List.of(choice), usage(root));
    }

    /**
     * One line of a stream as a chunk of the stream {@code id}.
     *
     * @param first whether it opens the assistant's message
     */
    static ChatChunk chatChunk(JsonNode line, String id, boolean first) {
        JsonNode message = line.path("message");
        List<ToolCall> calls = toolCalls(message);
        Optional<String> content = text(message, "content").filter(text -> !text.isEmpty());
        ChunkChoice choice = new ChunkChoice(0, new ChunkDelta(first, content, text(message, "thinking"), calls),
                done(line) ? finishReason(line, !calls.isEmpty()) : Optional.empty());
        return new ChatChunk(id, created(line), required(line, "model"), List.of(choice), usage(line));
    }

    /** Whether this line ends the stream. */
    static boolean done(JsonNode line) {
        return line.path("done").asBoolean(false);
    }

    static EmbeddingResponse embeddingResponse(JsonNode root) {
        JsonNode embeddings = root.path("embeddings");
        if (!embeddings.isArray()) {
            throw protocolError("no 'embeddings' array");
        }
        List<Embedding> data = new ArrayList<>();
        for (JsonNode values : embeddings) {
            if (!values.isArray()) {
                throw protocolError("an embedding that is not an array");
            }
            double[] vector = new double[values.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = values.get(i).asDouble();
            }
            data.add(new Embedding(data.size(), EmbeddingVector.of(vector)));
        }
        Optional<Usage> usage = count(root, "prompt_eval_count").map(prompt -> new Usage(prompt, 0, prompt));
        return new EmbeddingResponse(Optional.empty(), required(root, "model"), data, usage);
    }

    static List<ModelInfo> models(JsonNode root) {
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode model : root.path("models")) {
            models.add(new ModelInfo(required(model, "name"), "ollama", epochSeconds(model, "modified_at")));
        }
        return models;
    }

    /** Ollama's {@code done_reason}; a finished answer that called tools says {@code tool_calls}, as OpenAI does. */
    private static Optional<FinishReason> finishReason(JsonNode root, boolean calledTools) {
        if (!done(root)) {
            return Optional.empty();
        }
        String reason = root.path("done_reason").asText("stop");
        return Optional.of(switch (reason) {
            case "stop", "load", "unload" -> calledTools ? FinishReason.TOOL_CALLS : FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            default -> throw protocolError("an unknown done_reason '" + reason + "'");
        });
    }

    private static List<ToolCall> toolCalls(JsonNode message) {
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode function = call.path("function");
            String name = required(function, "name");
            JsonNode arguments = function.path("arguments");
            String argumentsText = arguments.isTextual() ? arguments.textValue() : arguments.isMissingNode() ? "{}"
                    : arguments.toString();
            String id = JsonTrees.text(call, "id").orElseGet(() -> OllamaToolCallIds.of(calls.size(), name,
                    argumentsText));
            calls.add(new ToolCall(id, name, argumentsText));
        }
        return calls;
    }

    /** Exact counts from Ollama's evaluation: the prompt's tokens and the generated ones. */
    private static Optional<Usage> usage(JsonNode root) {
        Optional<Integer> prompt = count(root, "prompt_eval_count");
        Optional<Integer> completion = count(root, "eval_count");
        if (prompt.isEmpty() && completion.isEmpty()) {
            return Optional.empty();
        }
        int in = prompt.orElse(0);
        int out = completion.orElse(0);
        return Optional.of(new Usage(in, out, in + out));
    }

    private static Optional<Integer> count(JsonNode node, String member) {
        return WIRE.count(node, member);
    }

    private static long created(JsonNode root) {
        return epochSeconds(root, "created_at");
    }

    private static long epochSeconds(JsonNode node, String member) {
        try {
            return JsonTrees.text(node, member).map(text -> Instant.parse(text).getEpochSecond()).orElse(0L);
        } catch (DateTimeParseException e) {
            throw protocolError("a '" + member + "' that is not a time");
        }
    }

    private static Optional<String> text(JsonNode node, String member) {
        return JsonTrees.text(node, member);
    }

    private static String required(JsonNode node, String member) {
        return WIRE.required(node, member);
    }

    static GatewayException protocolError(String what) {
        return WIRE.protocolError(what);
    }
}
