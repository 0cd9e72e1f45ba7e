package dev.aigateway.domain.access;

import dev.aigateway.domain.TextInput;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.ContentPart;
import dev.aigateway.domain.chat.Message;
import dev.aigateway.domain.chat.ToolCall;
import dev.aigateway.domain.chat.ToolDefinition;
import dev.aigateway.domain.completion.CompletionRequest;
import java.util.List;

/**
 * An upper estimate of a request's prompt tokens, made before the provider counts them: one token per three
 * characters of text (tokenizers average about four for English, fewer for code and other languages) plus four per
 * message. Only reservations use it; what is charged in the end is the provider's count.
 */
public final class TokenEstimate {
    static final int CHARS_PER_TOKEN = 3;
    static final int TOKENS_PER_MESSAGE = 4;

    private TokenEstimate() { }

    public static int promptTokens(ChatRequest request) {
        long chars = 0;
        for (Message message : request.messages()) {
            chars += switch (message) {
                case Message.System system -> chars(system.content());
                case Message.User user -> chars(user.content());
                case Message.Assistant assistant -> assistant.content().map(TokenEstimate::chars).orElse(0L)
                        + assistant.toolCalls().stream().mapToLong(TokenEstimate::chars).sum();
                case Message.Tool tool -> chars(tool.content());
            };
        }
        for (ToolDefinition tool : request.tools()) {
            chars += tool.name().length() + tool.description().map(String::length).orElse(0)
                    + tool.parameters().map(Object::toString).map(String::length).orElse(0);
        }
        return tokens(chars, request.messages().size());
    }

    /** The prompt's tokens and the suffix's. */
    public static int promptTokens(CompletionRequest request) {
        return (int) Math.min(Integer.MAX_VALUE, (long) promptTokens(request.prompts())
                + tokens(request.suffix().map(String::length).orElse(0), 0));
    }

    /** The texts' tokens; a token array counts as what it is. */
    public static int promptTokens(List<TextInput> texts) {
        long tokens = 0;
        for (TextInput text : texts) {
            tokens += switch (text) {
                case TextInput.Text written -> tokens(written.text().length(), 0);
                case TextInput.Tokens ids -> ids.ids().size();
            };
        }
        return (int) Math.min(Integer.MAX_VALUE, tokens);
    }

    /** The tokens of this many characters of text outside messages (a native request's strings). */
    public static int textTokens(long chars) {
        return tokens(chars, 0);
    }

    private static long chars(Content content) {
        return switch (content) {
            case Content.Text text -> text.text().length();
            case Content.Parts parts -> parts.parts().stream().mapToLong(part -> part instanceof ContentPart.Text text
                    ? text.text().length() : 0).sum();
        };
    }

    private static long chars(ToolCall call) {
        return call.name().length() + call.arguments().length();
    }

    private static int tokens(long chars, int messages) {
        return (int) Math.min(Integer.MAX_VALUE, (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN
                + (long) TOKENS_PER_MESSAGE * messages);
    }
}
