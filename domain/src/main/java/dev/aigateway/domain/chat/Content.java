package dev.aigateway.domain.chat;

import java.util.List;
import java.util.Objects;

/** The content of a message: plain text, or a list of parts (text, images). */
public sealed interface Content {

    /** Plain text content. */
    record Text(String text) implements Content {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Content made of parts, in order. */
    record Parts(List<ContentPart> parts) implements Content {
        public Parts {
            parts = List.copyOf(parts);
        }
    }

    /** Plain text content. */
    static Content text(String text) {
        return new Text(text);
    }
}
