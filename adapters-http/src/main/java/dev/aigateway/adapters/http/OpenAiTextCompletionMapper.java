package dev.aigateway.adapters.http;

import static dev.aigateway.adapters.http.OpenAiJson.NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.adapters.http.HttpModule.RequestLimits;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.ChatChoice;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.chat.ChunkChoice;
import dev.aigateway.domain.completion.CompletionRequest;
import dev.aigateway.domain.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** OpenAI's legacy completions ({@code /v1/completions}): request to domain, answer to {@code text_completion}. */
final class OpenAiTextCompletionMapper {
    private static final Set<String> MODELLED = Set.of("model", "prompt", "suffix", "stream", "stream_options",
            "max_tokens", "temperature", "top_p", "top_k", "stop", "seed");
    private static final String OBJECT = "text_completion";

    private OpenAiTextCompletionMapper() { }

    /** The request, and whether the client asked for a closing usage chunk. */
    record Incoming(CompletionRequest request, boolean includeUsage) { }

    static Incoming fromWire(ObjectNode body, RequestLimits limits) {
        Map<String, JsonValue> extensions = new LinkedHashMap<>();
        body.properties().forEach(member -> {
            if (!MODELLED.contains(member.getKey())) {
                extensions.put(member.getKey(), OpenAiJson.toValue(member.getValue()));
            }
        });
        boolean stream = WireFields.bool(body, "stream", "stream").orElse(false);
        CompletionRequest request = new CompletionRequest(WireFields.string(body, "model", "model"),
                OpenAiTextInputs.read(body, "prompt", limits.maxEmbeddingInputs()),
                WireFields.string(body, "suffix", "suffix"), stream,
                WireFields.integer(body, "max_tokens", "max_tokens"),
                WireFields.number(body, "temperature", "temperature"), WireFields.number(body, "top_p", "top_p"),
                WireFields.integer(body, "top_k", "top_k"), WireFields.stringOrStrings(body, "stop", "stop"),
                WireFields.wholeNumber(body, "seed", "seed"), extensions);
        boolean includeUsage = StreamOptions.includeUsage(body);
        return new Incoming(request, stream && includeUsage);
    }

    static ObjectNode completion(ChatResponse response) {
        ObjectNode wire = header(response.id(), response.created(), response.model());
        ArrayNode choices = wire.putArray("choices");
        for (ChatChoice choice : response.choices()) {
            choices.addObject().put("text", choice.message().content().orElse("")).put("index", choice.index())
                    .putNull("logprobs").put("finish_reason", choice.finishReason()
                            .map(r -> r.name().toLowerCase(Locale.ROOT)).orElse(null));
        }
        response.usage().ifPresent(usage -> OpenAiUsage.write(wire, usage));
        return wire;
    }

    static ObjectNode chunk(ChatChunk chunk, boolean withUsage) {
        ObjectNode wire = header(chunk.id(), chunk.created(), chunk.model());
        ArrayNode choices = wire.putArray("choices");
        for (ChunkChoice choice : chunk.choices()) {
            choices.addObject().put("text", choice.delta().content().orElse("")).put("index", choice.index())
                    .putNull("logprobs").put("finish_reason", choice.finishReason()
                            .map(r -> r.name().toLowerCase(Locale.ROOT)).orElse(null));
        }
        if (withUsage) {
            chunk.usage().ifPresent(usage -> OpenAiUsage.write(wire, usage));
        }
        return wire;
    }

    static ObjectNode usageChunk(ChatChunk last, Usage usage) {
        ObjectNode wire = header(last.id(), last.created(), last.model());
        wire.putArray("choices");
        OpenAiUsage.write(wire, usage);
        return wire;
    }

    private static ObjectNode header(String id, long created, String model) {
        return NODES.objectNode().put("id", id).put("object", OBJECT).put("created", created).put("model", model);
    }
}
