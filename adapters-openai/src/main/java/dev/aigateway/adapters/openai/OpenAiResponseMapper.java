package dev.aigateway.adapters.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.AssistantReply;
import dev.aigateway.domain.chat.ChatChoice;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.chat.FinishReason;
import dev.aigateway.domain.chat.ToolCall;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.model.ModelInfo;
import dev.aigateway.egress.CompletionWire;
import dev.aigateway.egress.JsonTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OpenAI's answers to domain values: {@code chat.completion} and {@code text_completion} objects (one text per
 * choice), embeddings and the model list. Lenient about fields it does not need, strict about those it does.
 */
final class OpenAiResponseMapper {
    private static final CompletionWire WIRE = new CompletionWire(OpenAiProvider.NAME);

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

    static EmbeddingResponse embeddingResponse(ObjectMapper json, byte[] body) {
        return WIRE.embeddingResponse(json, body);
    }

    static List<ModelInfo> models(JsonNode root) {
        return WIRE.models(root, "openai");
    }

    static Optional<FinishReason> finishReason(JsonNode choice) {
        return WIRE.finishReason(choice);
    }

    static List<ToolCall> toolCalls(JsonNode message) {
        return WIRE.toolCalls(message);
    }

    static Optional<Usage> usage(JsonNode root) {
        return WIRE.usage(root);
    }

    static Optional<Integer> count(JsonNode node, String member) {
        return WIRE.count(node, member);
    }

    static Optional<String> text(JsonNode node, String member) {
        return JsonTrees.text(node, member);
    }

    static JsonNode array(JsonNode node, String member) {
        return WIRE.array(node, member);
    }

    static String required(JsonNode node, String member) {
        return WIRE.required(node, member);
    }

    static GatewayException protocolError(String what) {
        return WIRE.protocolError(what);
    }
}
