package dev.aigateway.fakemistral;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** How the fake decides, like Mistral's servers: the rules its schema does not state, and a model's choices. */
final class MistralRules {
    private static final Pattern TOOL_CALL_ID = Pattern.compile("[a-zA-Z0-9]{9}");

    private MistralRules() { }

    /**
     * What a model would do without a script: call the first tool when it has tools and the user just spoke,
     * report a tool's result when one just came back, and otherwise give the default answer.
     */
    static FakeReply likeAModel(JsonNode body) {
        JsonNode messages = body.path("messages");
        JsonNode last = messages.path(messages.size() - 1);
        String lastRole = last.path("role").asText();
        boolean mayCallTools = !body.path("tools").isEmpty() && !"none".equals(body.path("tool_choice").asText());
        if (lastRole.equals("user") && mayCallTools) {
            String name = body.at("/tools/0/function/name").asText();
            return FakeReply.toolCall(newToolCallId(), name, "{\"city\":\"Paris\"}");
        }
        if (lastRole.equals("tool")) {
            return FakeReply.text("Tool result: " + text(last.path("content")));
        }
        return FakeReply.text(FakeMistral.DEFAULT_ANSWER);
    }

    /** A message's text, whether its content is a string or a list of text chunks. */
    static String text(JsonNode content) {
        if (!content.isArray()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(chunk -> text.append(chunk.path("text").asText()));
        return text.toString();
    }

    static String newToolCallId() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** Mistral's 400s for message orders its schema allows; returns null when the rules hold. */
    static String serverRules(JsonNode messages) {
        String previous = null;
        for (JsonNode message : messages) {
            String role = message.path("role").asText();
            if (role.equals("user") && "tool".equals(previous)) {
                return "Unexpected role 'user' after role 'tool'";
            }
            JsonNode content = message.path("content");
            // Content is a non-empty string, or a non-empty list of chunks (text, thinking, ...).
            boolean hasContent = content.isArray() ? !content.isEmpty()
                    : message.hasNonNull("content") && !content.asText("x").isEmpty();
            if (role.equals("assistant") && !hasContent && message.path("tool_calls").isEmpty()) {
                return "Assistant message must have either content or tool_calls, but not none.";
            }
            previous = role;
        }
        JsonNode last = messages.path(messages.size() - 1);
        String lastRole = last.path("role").asText();
        boolean prefix = lastRole.equals("assistant") && last.path("prefix").asBoolean(false);
        if (!lastRole.equals("user") && !lastRole.equals("tool") && !prefix) {
            return "Expected last role User or Tool (or Assistant with prefix True) for serving but got " + lastRole;
        }
        return null;
    }

    static String toolCallIdProblem(JsonNode messages) {
        for (JsonNode message : messages) {
            List<String> ids = new ArrayList<>();
            message.path("tool_calls").forEach(call -> ids.add(call.path("id").asText()));
            if (message.has("tool_call_id")) {
                ids.add(message.path("tool_call_id").asText());
            }
            for (String id : ids) {
                if (!TOOL_CALL_ID.matcher(id).matches()) {
                    return "Tool call id was " + id + " but must be a-z, A-Z, 0-9, with a length of 9.";
                }
            }
        }
        return null;
    }
}
