package dev.aigateway.adapters.mistral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.AssistantReply;
import dev.aigateway.domain.chat.ChatChoice;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.chat.ChunkChoice;
import dev.aigateway.domain.chat.ChunkDelta;
import dev.aigateway.domain.chat.FinishReason;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.model.ModelInfo;
import dev.aigateway.egress.CompletionWire;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Mistral's answers to domain values. Reading is lenient about fields it does not need (Mistral adds fields
 * over time) and strict about the ones it does: a missing one is an upstream protocol error, never a guess.
 */
final class MistralResponseMapper {
    private static final CompletionWire WIRE = new CompletionWire(MistralProvider.NAME);

    private MistralResponseMapper() { }

    static ChatResponse chatResponse(JsonNode root) {
        List<ChatChoice> choices = new ArrayList<>();
        for (JsonNode choice : WIRE.array(root, "choices")) {
            JsonNode message = choice.path("message");
            TextAndReasoning content = TextAndReasoning.of(message.path("content"));
            choices.add(new ChatChoice(index(choice, choices.size()),
                    new AssistantReply(content.text(), content.reasoning(), WIRE.toolCalls(message)),
                    finishReason(choice)));
        }
        return new ChatResponse(WIRE.required(root, "id"), root.path("created").asLong(),
                WIRE.required(root, "model"), choices, WIRE.usage(root));
    }

    static ChatChunk chatChunk(JsonNode root) {
        List<ChunkChoice> choices = new ArrayList<>();
        for (JsonNode choice : WIRE.array(root, "choices")) {
            JsonNode delta = choice.path("delta");
            TextAndReasoning content = TextAndReasoning.of(delta.path("content"));
            boolean roleStarts = delta.path("role").isTextual();
            choices.add(new ChunkChoice(index(choice, choices.size()),
                    new ChunkDelta(roleStarts, content.text(), content.reasoning(), WIRE.toolCalls(delta)),
                    finishReason(choice)));
        }
        return new ChatChunk(WIRE.required(root, "id"), root.path("created").asLong(),
                WIRE.required(root, "model"), choices, WIRE.usage(root));
    }

    static EmbeddingResponse embeddingResponse(ObjectMapper json, byte[] body) {
        return WIRE.embeddingResponse(json, body);
    }

    /**
     * A native answer's usage, its tokens, OCR pages and audio seconds; none when it is not a well-formed one (the
     * answer has already gone to the client, so it is not refused for it).
     */
    static Optional<Usage> nativeUsage(JsonNode usage) {
        try {
            return WIRE.usageOf(usage);
        } catch (GatewayException malformed) {
            return Optional.empty();
        }
    }

    static List<ModelInfo> models(JsonNode root) {
        return WIRE.models(root, "mistralai");
    }

    static Optional<FinishReason> finishReason(JsonNode choice) {
        return WIRE.finishReason(choice);
    }

    /** A position in a list, which Mistral may leave out (then it is the element's own position). */
    private static int index(JsonNode element, int position) {
        return WIRE.count(element, "index").orElse(position);
    }

    static GatewayException protocolError(String what) {
        return WIRE.protocolError(what);
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
