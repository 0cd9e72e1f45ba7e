package dev.aigateway.domain.chat;

import dev.aigateway.domain.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One message of a chat conversation. */
public sealed interface Message {

    /**
     * Instructions for the model (OpenAI's {@code developer} role is also a system message).
     *
     * @param name a participant name, when the client gave one
     */
    record System(Content content, Optional<String> name) implements Message {
        public System {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(name, "name");
        }
    }

    /** What the user said. */
    record User(Content content, Optional<String> name) implements Message {
        public User {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * An earlier answer of the model, replayed as history.
     *
     * @param extensions fields of the message the ingress does not model, by name, for the provider to judge (e.g. a
     *     provider's own {@code prefix} flag)
     */
    record Assistant(Optional<Content> content, List<ToolCall> toolCalls, Optional<String> name,
                     Map<String, JsonValue> extensions) implements Message {
        public Assistant {
            Objects.requireNonNull(content, "content");
            toolCalls = List.copyOf(toolCalls);
            Objects.requireNonNull(name, "name");
            extensions = Map.copyOf(extensions);
        }

        /** A replayed answer without extensions. */
        public Assistant(Optional<Content> content, List<ToolCall> toolCalls, Optional<String> name) {
            this(content, toolCalls, name, Map.of());
        }
    }

    /**
     * The result of a tool call, sent back to the model.
     *
     * @param toolCallId the id of the call this answers
     * @param name the function's name, when the client gave it
     */
    record Tool(String toolCallId, Content content, Optional<String> name) implements Message {
        public Tool {
            Objects.requireNonNull(toolCallId, "toolCallId");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(name, "name");
        }
    }
}
