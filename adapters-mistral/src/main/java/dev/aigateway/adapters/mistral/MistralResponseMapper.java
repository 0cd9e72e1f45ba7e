package dev.aigateway.adapters.mistral;

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
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.model.ModelInfo;
import dev.aigateway.egress.JsonTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Mistral's answers to domain values. Reading is lenient about fields it does not need (Mistral adds fields
 * over time) and strict about the ones it does: a missing one is an upstream protocol error, never a guess.
 */
final class MistralResponseMapper {

    private MistralResponseMapper() { }

    static ChatResponse chatResponse(JsonNode root) {
        List<ChatChoice> choices = new ArrayList<>();
        for (JsonNode choice : array(root, "choices")) {
            JsonNode message = choice.path("message");
            TextAndReasoning content = TextAndReasoning.of(message.path("content"));
            choices.add(new ChatChoice(index(choice, choices.size()),
                    new AssistantReply(content.text(), content.reasoning(), toolCalls(message)),
                    finishReason(choice)));
        }
        return new ChatResponse(required(root, "id"), root.path("created").asLong(), required(root, "model"),
                choices, usage(root));
    }

    static ChatChunk chatChunk(JsonNode root) {
        List<ChunkChoice> choices = new ArrayList<>();
        for (JsonNode choice : array(root, "choices")) {
            JsonNode delta = choice.path("delta");
            TextAndReasoning content = TextAndReasoning.of(delta.path("content"));
            boolean roleStarts = delta.path("role").isTextual();
            choices.add(new ChunkChoice(index(choice, choices.size()),
                    new ChunkDelta(roleStarts, content.text(), content.reasoning(), toolCalls(delta)),
                    finishReason(choice)));
        }
        return new ChatChunk(required(root, "id"), root.path("created").asLong(), required(root, "model"),
                choices, usage(root));
    }

    static EmbeddingResponse embeddingResponse(JsonNode root) {
        List<Embedding> data = new ArrayList<>();
        for (JsonNode item : array(root, "data")) {
            JsonNode values = item.path("embedding");
            if (!values.isArray()) {
                throw protocolError("an embedding without its 'embedding' array");
            }
            double[] vector = new double[values.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = values.get(i).asDouble();
            }
            data.add(new Embedding(index(item, data.size()), EmbeddingVector.of(vector)));
        }
        return new EmbeddingResponse(JsonTrees.text(root, "id"), required(root, "model"), data, usage(root));
    }

    static List<ModelInfo> models(JsonNode root) {
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode model : array(root, "data")) {
            models.add(new ModelInfo(required(model, "id"), JsonTrees.text(model, "owned_by").orElse("mistralai"),
                    model.path("created").asLong(0)));
        }
        return models;
    }

    static Optional<FinishReason> finishReason(JsonNode choice) {
        JsonNode reason = choice.path("finish_reason");
        if (!reason.isTextual()) {
            return Optional.empty();
        }
        return Optional.of(switch (reason.textValue()) {
            case "stop" -> FinishReason.STOP;
            case "length", "model_length" -> FinishReason.LENGTH;
            case "tool_calls" -> FinishReason.TOOL_CALLS;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            case "error" -> FinishReason.ERROR;
            default -> throw protocolError("an unknown finish_reason '" + reason.textValue() + "'");
        });
    }

    private static List<ToolCall> toolCalls(JsonNode message) {
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode function = call.path("function");
            JsonNode arguments = function.path("arguments");
            // Mistral has sent arguments both as a JSON text and as an object; clients expect the text.
            String argumentsText = arguments.isTextual() ? arguments.textValue() : arguments.toString();
            calls.add(new ToolCall(required(call, "id"), required(function, "name"), argumentsText));
        }
        return calls;
    }

    private static Optional<Usage> usage(JsonNode root) {
        JsonNode usage = root.path("usage");
        if (!usage.isObject()) {
            return Optional.empty();
        }
        int prompt = count(usage, "prompt_tokens", 0);
        int completion = count(usage, "completion_tokens", 0);
        int total = count(usage, "total_tokens", prompt + completion);
        return Optional.of(new Usage(prompt, completion, total));
    }

    /** A position in a list, which Mistral may leave out (then it is the element's own position). */
    private static int index(JsonNode element, int position) {
        return count(element, "index", position);
    }

    private static int count(JsonNode node, String member, int fallback) {
        JsonNode value = node.path(member);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
            throw protocolError("a '" + member + "' that is not a count");
        }
        return value.intValue();
    }

    private static JsonNode array(JsonNode root, String member) {
        JsonNode array = root.path(member);
        if (!array.isArray()) {
            throw protocolError("no '" + member + "' array");
        }
        return array;
    }

    private static String required(JsonNode node, String member) {
        return JsonTrees.text(node, member).orElseThrow(() -> protocolError("no '" + member + "'"));
    }

    static GatewayException protocolError(String what) {
        return JsonTrees.protocolError(MistralProvider.NAME, what);
    }

    /** Mistral's content is a string, or chunks of text and (for reasoning models) thinking. */
    private record TextAndReasoning(Optional<String> text, Optional<String> reasoning) {
        static TextAndReasoning of(JsonNode content) {
            if (content.isTextual()) {
                return new TextAndReasoning(Optional.of(content.textValue()), Optional.empty());
            }
            if (!content.isArray()) {
                return new TextAndReasoning(Optional.empty(), Optional.empty());
            }
            StringBuilder text = new StringBuilder();
            StringBuilder reasoning = new StringBuilder();
            for (JsonNode chunk : content) {
                switch (chunk.path("type").asText()) {
                    case "text" -> text.append(chunk.path("text").asText());
                    case "thinking" -> chunk.path("thinking").forEach(t -> reasoning.append(t.path("text").asText()));
                    default -> { } // references and other chunk kinds carry no answer text
                }
            }
            return new TextAndReasoning(Optional.of(text.toString()),
                    reasoning.isEmpty() ? Optional.empty() : Optional.of(reasoning.toString()));
        }
    }
}
