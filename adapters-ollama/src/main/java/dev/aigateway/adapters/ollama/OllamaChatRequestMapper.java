package dev.aigateway.adapters.ollama;

import static dev.aigateway.egress.JsonTrees.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.ContentPart;
import dev.aigateway.domain.chat.Message;
import dev.aigateway.domain.chat.ToolCall;
import dev.aigateway.domain.chat.ToolChoice;
import dev.aigateway.domain.chat.ToolDefinition;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.json.JsonValue;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.Translation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Domain chat request to Ollama's {@code /api/chat}: text content, inline images, tools with object arguments, the
 * sampling values in {@code options}, and {@code stream} always said (Ollama streams unless told not to).
 */
final class OllamaChatRequestMapper {
    /** Ollama's own request fields, passed as the client wrote them. */
    private static final Set<String> OLLAMA_FIELDS = Set.of("keep_alive", "think");
    private static final String DATA_URL = "data:";

    private OllamaChatRequestMapper() { }

    static Translation toOllama(ChatRequest request, ObjectMapper json) {
        List<String> dropped = new ArrayList<>();
        ObjectNode body = NODES.objectNode();
        body.put("model", request.model().orElseThrow(
                () -> new IllegalStateException("the route resolves the model before the provider is called")));
        ArrayNode messages = body.putArray("messages");
        Map<String, String> functionOfCall = new HashMap<>();
        for (int i = 0; i < request.messages().size(); i++) {
            messages.add(message(request.messages().get(i), "messages[" + i + "]", functionOfCall, json, dropped));
        }
        body.put("stream", request.stream());
        boolean toolsOff = request.toolChoice().filter(ToolChoice.None.class::isInstance).isPresent();
        if (!request.tools().isEmpty() && !toolsOff) {
            ArrayNode tools = body.putArray("tools");
            request.tools().forEach(tool -> tools.add(tool(tool)));
        }
        request.toolChoice().ifPresent(OllamaChatRequestMapper::toolChoice);
        request.responseFormat().ifPresent(format -> format(body, format));
        options(body, request);
        if (request.n().filter(n -> n > 1).isPresent()) {
            throw GatewayException.invalid("'n' above 1 is not supported by Ollama, which answers once", "n");
        }
        request.parallelToolCalls().ifPresent(p -> dropped.add("parallel_tool_calls"));
        request.endUser().ifPresent(u -> dropped.add("user"));
        request.extensions().forEach((name, value) -> {
            if (OLLAMA_FIELDS.contains(name)) {
                body.set(name, JsonTrees.toNode(value));
            } else {
                dropped.add(name);
            }
        });
        return new Translation(body, dropped);
    }

    /** Ollama keeps its sampling values in {@code options}, under its own names. */
    private static void options(ObjectNode body, ChatRequest request) {
        ObjectNode options = NODES.objectNode();
        request.temperature().ifPresent(t -> options.put("temperature", t));
        request.topP().ifPresent(p -> options.put("top_p", p));
        request.topK().ifPresent(k -> options.put("top_k", k));
        request.seed().ifPresent(s -> options.put("seed", s));
        request.maxTokens().ifPresent(m -> options.put("num_predict", m));
        request.presencePenalty().ifPresent(p -> options.put("presence_penalty", p));
        request.frequencyPenalty().ifPresent(p -> options.put("frequency_penalty", p));
        JsonTrees.putStrings(options, "stop", request.stop());
        if (!options.isEmpty()) {
            body.set("options", options);
        }
    }

    /** OpenAI's {@code response_format} as Ollama's {@code format}: {@code "json"}, or the JSON schema itself. */
    private static void format(ObjectNode body, JsonValue format) {
        JsonNode wire = JsonTrees.toNode(format);
        switch (wire.path("type").asText()) {
            case "text" -> { }
            case "json_object" -> body.put("format", "json");
            case "json_schema" -> {
                JsonNode schema = wire.path("json_schema").path("schema");
                if (!schema.isObject()) {
                    throw GatewayException.invalid("'response_format.json_schema.schema' must be an object",
                            "response_format");
                }
                body.set("format", schema);
            }
            default -> throw GatewayException.invalid("'response_format.type' must be text, json_object or"
                    + " json_schema", "response_format");
        }
    }

    /** Ollama has no {@code tool_choice}: the model decides, so only the choices that leave it to decide pass. */
    private static void toolChoice(ToolChoice choice) {
        switch (choice) {
            case ToolChoice.Auto ignored -> { }
            case ToolChoice.None ignored -> { }
            case ToolChoice.Required ignored -> throw GatewayException.invalid(
                    "tool_choice 'required' is not supported by Ollama, which lets the model decide", "tool_choice");
            case ToolChoice.Function function -> throw GatewayException.invalid(
                    "a tool_choice naming a function is not supported by Ollama, which lets the model decide",
                    "tool_choice");
        }
    }

    private static ObjectNode message(Message message, String at, Map<String, String> functionOfCall,
                                      ObjectMapper json, List<String> dropped) {
        ObjectNode wire = NODES.objectNode();
        switch (message) {
            case Message.System system -> wire.put("role", "system").put("content", text(system.content()));
            case Message.User user -> {
                wire.put("role", "user").put("content", text(user.content()));
                List<String> images = images(user.content(), at);
                if (!images.isEmpty()) {
                    ArrayNode array = wire.putArray("images");
                    images.forEach(array::add);
                }
            }
            case Message.Assistant assistant -> {
                wire.put("role", "assistant").put("content", assistant.content().map(OllamaChatRequestMapper::text)
                        .orElse(""));
                if (!assistant.toolCalls().isEmpty()) {
                    ArrayNode calls = wire.putArray("tool_calls");
                    for (int i = 0; i < assistant.toolCalls().size(); i++) {
                        ToolCall call = assistant.toolCalls().get(i);
                        functionOfCall.put(call.id(), call.name());
                        calls.addObject().putObject("function").put("name", call.name())
                                .set("arguments", arguments(call, at + ".tool_calls[" + i + "]", json));
                    }
                }
                assistant.extensions().keySet().forEach(name -> dropped.add("messages[]." + name));
            }
            case Message.Tool tool -> {
                wire.put("role", "tool").put("content", text(tool.content()));
                String function = tool.name().orElseGet(() -> functionOfCall.get(tool.toolCallId()));
                if (function != null) {
                    wire.put("tool_name", function);
                }
            }
        }
        return wire;
    }

    /** Ollama takes one string: text parts are joined by a blank line. */
    private static String text(Content content) {
        return switch (content) {
            case Content.Text text -> text.text();
            case Content.Parts parts -> parts.parts().stream().filter(ContentPart.Text.class::isInstance)
                    .map(part -> ((ContentPart.Text) part).text()).collect(Collectors.joining("\n\n"));
        };
    }

    /** Images as Ollama takes them: base64, from data URLs; Ollama fetches no URL. */
    private static List<String> images(Content content, String at) {
        if (!(content instanceof Content.Parts parts)) {
            return List.of();
        }
        List<String> images = new ArrayList<>();
        for (ContentPart part : parts.parts()) {
            if (part instanceof ContentPart.ImageUrl image) {
                int comma = image.url().indexOf(',');
                if (!image.url().startsWith(DATA_URL) || comma < 0 || !image.url().substring(0, comma)
                        .endsWith(";base64")) {
                    throw GatewayException.invalid("'" + at + ".content' images must be base64 data URLs for"
                            + " Ollama, which fetches no URL", at + ".content");
                }
                images.add(image.url().substring(comma + 1));
            }
        }
        return images;
    }

    /** Ollama refuses arguments as a JSON text: they go as the object the text holds. */
    private static JsonNode arguments(ToolCall call, String at, ObjectMapper json) {
        try {
            JsonNode arguments = json.readTree(call.arguments().isBlank() ? "{}" : call.arguments());
            if (arguments != null && arguments.isObject()) {
                return arguments;
            }
        } catch (IOException notJson) {
            // refused below
        }
        throw GatewayException.invalid("'" + at + ".function.arguments' must be a JSON object for Ollama",
                at + ".function.arguments");
    }

    private static ObjectNode tool(ToolDefinition tool) {
        ObjectNode wire = NODES.objectNode().put("type", "function");
        ObjectNode function = wire.putObject("function").put("name", tool.name());
        tool.description().ifPresent(d -> function.put("description", d));
        function.set("parameters", tool.parameters().map(JsonTrees::toNode).orElseGet(
                () -> NODES.objectNode().put("type", "object").set("properties", NODES.objectNode())));
        return wire;
    }
}
