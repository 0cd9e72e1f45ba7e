package dev.aigateway.domain.chat;

import java.util.Objects;
import java.util.Optional;

/** One part of a multi-part message content. */
public sealed interface ContentPart {

    /** A piece of text. */
    record Text(String text) implements ContentPart {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * An image given by URL (https or a {@code data:} URL).
     *
     * @param detail the resolution hint ({@code low}, {@code high}, {@code auto}) when the client gave one
     */
    record ImageUrl(String url, Optional<String> detail) implements ContentPart {
        public ImageUrl {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
