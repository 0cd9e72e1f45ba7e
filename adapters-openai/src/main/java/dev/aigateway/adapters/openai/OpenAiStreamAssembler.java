package dev.aigateway.adapters.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChunkChoice;
import dev.aigateway.domain.chat.ChunkDelta;
import dev.aigateway.domain.chat.FinishReason;
import dev.aigateway.domain.chat.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Turns OpenAI's stream events into domain chunks. Two things differ from the domain's shape: a tool call arrives in
 * fragments (its id and name, then pieces of its arguments, by index), and usage arrives in a chunk of its own after
 * the last choice. Fragments are assembled and the whole calls go with their choice's finishing chunk; that chunk is
 * held until the usage comes, and leaves with it, so every client sees the usage where Mistral puts it.
 */
final class OpenAiStreamAssembler {
    private final Consumer<ChatChunk> out;
    private final Map<Integer, Map<Integer, PartialCall>> calls = new TreeMap<>();
    private ChatChunk finishing;

    OpenAiStreamAssembler(Consumer<ChatChunk> out) {
        this.out = out;
    }

    /** One event's JSON. */
    void accept(JsonNode event) {
        Optional<Usage> usage = OpenAiResponseMapper.usage(event);
        JsonNode choices = event.path("choices");
        if (choices.isEmpty() && usage.isPresent() && finishing != null) {
            ChatChunk held = finishing;
            finishing = null;
            out.accept(new ChatChunk(held.id(), held.created(), held.model(), held.choices(), usage));
            return;
        }
        List<ChunkChoice> chunkChoices = new ArrayList<>();
        boolean finishes = false;
        for (JsonNode choice : OpenAiResponseMapper.array(event, "choices")) {
            int index = OpenAiResponseMapper.count(choice, "index").orElse(chunkChoices.size());
            JsonNode delta = choice.path("delta");
            collect(index, delta);
            Optional<FinishReason> finish = OpenAiResponseMapper.finishReason(choice);
            List<ToolCall> whole = finish.isPresent() ? assembled(index) : List.of();
            finishes |= finish.isPresent();
            chunkChoices.add(new ChunkChoice(index, new ChunkDelta(delta.path("role").isTextual(),
                    OpenAiResponseMapper.text(delta, "content").or(() -> OpenAiResponseMapper.text(choice, "text"))
                            .filter(text -> !text.isEmpty()),
                    OpenAiResponseMapper.text(delta, "reasoning_content"), whole), finish));
        }
        ChatChunk chunk = new ChatChunk(OpenAiResponseMapper.required(event, "id"), event.path("created").asLong(),
                OpenAiResponseMapper.required(event, "model"), chunkChoices, usage);
        release();
        if (finishes && usage.isEmpty()) {
            finishing = chunk;
        } else {
            out.accept(chunk);
        }
    }

    /** The stream ended: a finishing chunk still waiting for usage leaves without it. */
    void end() {
        release();
    }

    private void release() {
        if (finishing != null) {
            ChatChunk held = finishing;
            finishing = null;
            out.accept(held);
        }
    }

    private void collect(int choice, JsonNode delta) {
        for (JsonNode fragment : delta.path("tool_calls")) {
            int index = OpenAiResponseMapper.count(fragment, "index").orElse(0);
            PartialCall call = calls.computeIfAbsent(choice, c -> new TreeMap<>())
                    .computeIfAbsent(index, i -> new PartialCall());
            OpenAiResponseMapper.text(fragment, "id").ifPresent(id -> call.id = id);
            JsonNode function = fragment.path("function");
            OpenAiResponseMapper.text(function, "name").ifPresent(name -> call.name = name);
            OpenAiResponseMapper.text(function, "arguments").ifPresent(call.arguments::append);
        }
    }

    private List<ToolCall> assembled(int choice) {
        Map<Integer, PartialCall> partial = calls.remove(choice);
        if (partial == null) {
            return List.of();
        }
        List<ToolCall> whole = new ArrayList<>();
        for (PartialCall call : partial.values()) {
            if (call.id == null || call.name == null) {
                throw OpenAiResponseMapper.protocolError("a streamed tool call without its id or name");
            }
            whole.add(new ToolCall(call.id, call.name, call.arguments.isEmpty() ? "{}" : call.arguments.toString()));
        }
        return whole;
    }

    /** A tool call whose fragments are still arriving. */
    private static final class PartialCall {
        String id;
        String name;
        final StringBuilder arguments = new StringBuilder();
    }
}
