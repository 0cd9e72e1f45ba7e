package dev.aigateway.ports.engine;

import dev.aigateway.domain.TextInput;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.ContentPart;
import dev.aigateway.domain.chat.Message;
import java.util.List;
import java.util.stream.Collectors;

/** The text a request is about, for routing that compares prompts. */
final class Prompts {

    private Prompts() { }

    /** The last user message's text (its text parts, joined), or null when the conversation has none. */
    static String lastUserText(ChatRequest request) {
        for (int i = request.messages().size() - 1; i >= 0; i--) {
            if (request.messages().get(i) instanceof Message.User user) {
                return switch (user.content()) {
                    case Content.Text text -> text.text();
                    case Content.Parts parts -> parts.parts().stream()
                            .filter(ContentPart.Text.class::isInstance).map(p -> ((ContentPart.Text) p).text())
                            .collect(Collectors.joining("\n"));
                };
            }
        }
        return null;
    }

    /** The first of several texts, when it is written out; null otherwise. */
    static String first(List<TextInput> texts) {
        return texts.get(0).asText().orElse(null);
    }
}
