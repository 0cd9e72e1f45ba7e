package dev.aigateway.adapters.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.AssistantReply;
import dev.aigateway.domain.chat.ChatChoice;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.chat.FinishReason;
import dev.aigateway.domain.chat.ToolCall;
import dev.aigateway.domain.embedding.Embedding;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.embedding.EmbeddingVector;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.model.ModelInfo;
import dev.aigateway.egress.JsonTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OpenAI's answers to domain values: {@code chat.completion} and {@code text_completion} objects (one text per
 * choice), embeddings and the model list. Lenient about fields it does not need, strict about those it does.
 */
final class OpenAiResponseMapper {

    private OpenAiResponseMapper() { }

    /** A chat answer, or a legacy completion's ({@code text} in place of {@code message.content}). */
    static ChatResponse chatResponse(JsonNode root) {
        List<ChatChoice> choices = new ArrayList<>();
        for (JsonNode choice : array(root, "choices")) {
            JsonNode message = choice.path("message");
            Optional<String> content = text(message, "content").or(() -> text(choice, "text"));
            choices.add(new ChatChoice(count(choice, "index").orElse(choices.size()),
                    new AssistantReply(content, text(message, "reasoning_content"), toolCalls(message)),
                    finishReason(choice)));
        }
        return new ChatResponse(required(root, "id"), root.path("created").asLong(), required(root, "model"),
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
            data.add(new Embedding(count(item, "index").orElse(data.size()), EmbeddingVector.of(vector)));
        }
        return new EmbeddingResponse(text(root, "id"), required(root, "model"), data, usage(root));
    }

    static List<ModelInfo> models(JsonNode root) {
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode model : array(root, "data")) {
            models.add(new ModelInfo(required(model, "id"), text(model, "owned_by").orElse("openai"),
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
            case "length" -> FinishReason.LENGTH;
            case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> throw protocolError("an unknown finish_reason '" + reason.textValue() + "'");
        });
    }

    static List<ToolCall> toolCalls(JsonNode message) {
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode function = call.path("function");
            calls.add(new ToolCall(required(call, "id"), required(function, "name"),
                    text(function, "arguments").orElse("{}")));
        }
        return calls;
    }

    static Optional<Usage> usage(JsonNode root) {
        JsonNode usage = root.path("usage");
        if (!usage.isObject()) {
            return Optional.empty();
        }
        int prompt = count(usage, "prompt_tokens").orElse(0);
        int completion = count(usage, "completion_tokens").orElse(0);
        return Optional.of(new Usage(prompt, completion, count(usage, "total_tokens").orElse(prompt + completion)));
    }

    static Optional<Integer> count(JsonNode node, String member) {
        JsonNode value = node.path(member);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
            throw protocolError("a '" + member + "' that is not a count");
        }
        return Optional.of(value.intValue());
    }

    static Optional<String> text(JsonNode node, String member) {
        return JsonTrees.text(node, member);
    }

    static JsonNode array(JsonNode node, String member) {
        JsonNode array = node.path(member);
        if (!array.isArray()) {
            throw protocolError("no '" + member + "' array");
        }
        return array;
    }

    static String required(JsonNode node, String member) {
        return text(node, member).orElseThrow(() -> protocolError("no '" + member + "'"));
    }

    static GatewayException protocolError(String what) {
        return JsonTrees.protocolError(OpenAiProvider.NAME, what);
    }
}
