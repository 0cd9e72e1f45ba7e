package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.adapters.http.HttpModule.RequestLimits;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.ContentPart;
import dev.aigateway.domain.chat.Message;
import dev.aigateway.domain.chat.ToolCall;
import dev.aigateway.domain.chat.ToolChoice;
import dev.aigateway.domain.chat.ToolDefinition;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** OpenAI's chat completion request body to the domain's {@link ChatRequest}. */
final class OpenAiChatRequestMapper {
    /** Top-level fields this mapper reads; every other field is carried as an extension for the provider. */
    private static final Set<String> MODELLED = Set.of("model", "messages", "stream", "stream_options",
            "temperature", "top_p", "top_k", "max_tokens", "max_completion_tokens", "seed", "stop",
            "presence_penalty", "frequency_penalty", "n", "tools", "tool_choice", "parallel_tool_calls",
            "response_format", "user", "functions", "function_call");
    private static final Set<String> OPENAI_TOOL_CHOICES = Set.of("auto", "none", "required");
    /** Fields of an assistant message this mapper reads; the others travel as the message's extensions. */
    private static final Set<String> ASSISTANT_MODELLED = Set.of("role", "content", "name", "tool_calls",
            "function_call");

    private OpenAiChatRequestMapper() { }

    static IncomingChat fromWire(ObjectNode body, RequestLimits limits) {
        ChatRequest.Builder request = ChatRequest.builder();
        WireFields.string(body, "model", "model").ifPresent(request::model);
        request.messages(messages(body, limits));
        boolean stream = WireFields.bool(body, "stream", "stream").orElse(false);
        request.stream(stream);
        WireFields.number(body, "temperature", "temperature").ifPresent(request::temperature);
        WireFields.number(body, "top_p", "top_p").ifPresent(request::topP);
        WireFields.integer(body, "top_k", "top_k").ifPresent(request::topK);
        // OpenAI's newer name wins when a client sends both.
        WireFields.integer(body, "max_completion_tokens", "max_completion_tokens")
                .or(() -> WireFields.integer(body, "max_tokens", "max_tokens"))
                .ifPresent(request::maxTokens);
        WireFields.wholeNumber(body, "seed", "seed").ifPresent(request::seed);
        request.stop(WireFields.stringOrStrings(body, "stop", "stop"));
        WireFields.number(body, "presence_penalty", "presence_penalty").ifPresent(request::presencePenalty);
        WireFields.number(body, "frequency_penalty", "frequency_penalty").ifPresent(request::frequencyPenalty);
        WireFields.integer(body, "n", "n").ifPresent(request::n);
        request.tools(tools(body, limits));
        JsonNode choice = body.get("tool_choice");
        if (choice != null && choice.isTextual() && !OPENAI_TOOL_CHOICES.contains(choice.textValue())) {
            // Another API's word (some providers' SDKs send "any"): the provider judges it, as any unmodelled field.
            request.extension("tool_choice", OpenAiJson.toValue(choice));
        } else {
            toolChoice(body).ifPresent(request::toolChoice);
        }
        WireFields.bool(body, "parallel_tool_calls", "parallel_tool_calls").ifPresent(request::parallelToolCalls);
        JsonNode responseFormat = body.get("response_format");
        if (!WireFields.absent(responseFormat)) {
            request.responseFormat(OpenAiJson.toValue(WireFields.object(responseFormat, "response_format")));
        }
        WireFields.string(body, "user", "user").ifPresent(request::endUser);
        body.properties().forEach(member -> {
            if (!MODELLED.contains(member.getKey())) {
                request.extension(member.getKey(), OpenAiJson.toValue(member.getValue()));
            }
        });
        boolean includeUsage = StreamOptions.includeUsage(body);
        return new IncomingChat(request.build(), stream && includeUsage);
    }

    private static List<Message> messages(ObjectNode body, RequestLimits limits) {
        JsonNode array = WireFields.array(body, "messages", "messages");
        if (array.isMissingNode()) {
            throw WireFields.missing("messages");
        }
        WireFields.atMost(array, limits.maxMessages(), "messages");
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            messages.add(message(array.get(i), "messages[" + i + "]"));
        }
        return messages;
    }

    private static Message message(JsonNode node, String at) {
        WireFields.object(node, at);
        String role = WireFields.requiredString(node, "role", at + ".role");
        Optional<String> name = WireFields.string(node, "name", at + ".name");
        return switch (role) {
            case "system", "developer" -> new Message.System(requiredContent(node, at), name);
            case "user" -> new Message.User(requiredContent(node, at), name);
            case "assistant" -> assistant(node, at, name);
            case "tool" -> new Message.Tool(WireFields.requiredString(node, "tool_call_id", at + ".tool_call_id"),
                    requiredContent(node, at), name);
            case "function" -> new Message.Tool(
                    // Legacy function results carry no call id; the legacy call they answer had none either.
                    WireFields.requiredString(node, "name", at + ".name"), requiredContent(node, at), name);
            default -> throw GatewayException.invalid("'" + at + ".role' must be one of system, developer, user,"
                    + " assistant, tool; got '" + role + "'", at + ".role");
        };
    }

    private static Message.Assistant assistant(JsonNode node, String at, Optional<String> name) {
        Optional<Content> content = content(node.get("content"), at + ".content");
        List<ToolCall> calls = new ArrayList<>();
        JsonNode toolCalls = WireFields.array(node, "tool_calls", at + ".tool_calls");
        for (int i = 0; i < toolCalls.size(); i++) {
            String callAt = at + ".tool_calls[" + i + "]";
            JsonNode call = WireFields.object(toolCalls.get(i), callAt);
            JsonNode function = WireFields.object(call.get("function"), callAt + ".function");
            calls.add(new ToolCall(WireFields.requiredString(call, "id", callAt + ".id"),
                    WireFields.requiredString(function, "name", callAt + ".function.name"),
                    WireFields.string(function, "arguments", callAt + ".function.arguments").orElse("{}")));
        }
        JsonNode legacyCall = node.get("function_call");
        if (!WireFields.absent(legacyCall)) {
            JsonNode function = WireFields.object(legacyCall, at + ".function_call");
            String functionName = WireFields.requiredString(function, "name", at + ".function_call.name");
            calls.add(new ToolCall(functionName, functionName,
                    WireFields.string(function, "arguments", at + ".function_call.arguments").orElse("{}")));
        }
        if (content.isEmpty() && calls.isEmpty()) {
            throw GatewayException.invalid("'" + at + "' needs content or tool_calls", at + ".content");
        }
        Map<String, JsonValue> extensions = new LinkedHashMap<>();
        node.properties().forEach(member -> {
            if (!ASSISTANT_MODELLED.contains(member.getKey())) {
                extensions.put(member.getKey(), OpenAiJson.toValue(member.getValue()));
            }
        });
        return new Message.Assistant(content, calls, name, extensions);
    }

    private static Content requiredContent(JsonNode node, String at) {
        return content(node.get("content"), at + ".content").orElseThrow(() -> WireFields.missing(at + ".content"));
    }

    private static Optional<Content> content(JsonNode value, String at) {
        if (WireFields.absent(value)) {
            return Optional.empty();
        }
        if (value.isTextual()) {
            return Optional.of(Content.text(value.textValue()));
        }
        if (!value.isArray()) {
            throw WireFields.wrongType(at, "a string or an array of content parts");
        }
        List<ContentPart> parts = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            parts.add(contentPart(value.get(i), at + "[" + i + "]"));
        }
        return Optional.of(new Content.Parts(parts));
    }

    private static ContentPart contentPart(JsonNode node, String at) {
        WireFields.object(node, at);
        String type = WireFields.requiredString(node, "type", at + ".type");
        return switch (type) {
            case "text" -> new ContentPart.Text(WireFields.requiredString(node, "text", at + ".text"));
            case "image_url" -> imageUrl(node.get("image_url"), at + ".image_url");
            default -> throw GatewayException.invalid("content part type '" + type + "' is not supported;"
                    + " use text or image_url", at + ".type");
        };
    }

    private static ContentPart.ImageUrl imageUrl(JsonNode value, String at) {
        if (value != null && value.isTextual()) {
            return new ContentPart.ImageUrl(value.textValue(), Optional.empty());
        }
        JsonNode image = WireFields.object(value, at);
        return new ContentPart.ImageUrl(WireFields.requiredString(image, "url", at + ".url"),
                WireFields.string(image, "detail", at + ".detail"));
    }

    private static List<ToolDefinition> tools(ObjectNode body, RequestLimits limits) {
        List<ToolDefinition> tools = new ArrayList<>();
        JsonNode array = WireFields.array(body, "tools", "tools");
        WireFields.atMost(array, limits.maxTools(), "tools");
        for (int i = 0; i < array.size(); i++) {
            String at = "tools[" + i + "]";
            JsonNode tool = WireFields.object(array.get(i), at);
            String type = WireFields.string(tool, "type", at + ".type").orElse("function");
            if (!type.equals("function")) {
                throw GatewayException.invalid("tool type '" + type + "' is not supported; use function",
                        at + ".type");
            }
            tools.add(function(WireFields.object(tool.get("function"), at + ".function"), at + ".function"));
        }
        JsonNode legacy = WireFields.array(body, "functions", "functions");
        for (int i = 0; i < legacy.size(); i++) {
            tools.add(function(WireFields.object(legacy.get(i), "functions[" + i + "]"), "functions[" + i + "]"));
        }
        return tools;
    }

    private static ToolDefinition function(JsonNode function, String at) {
        JsonNode parameters = function.get("parameters");
        return new ToolDefinition(WireFields.requiredString(function, "name", at + ".name"),
                WireFields.string(function, "description", at + ".description"),
                WireFields.absent(parameters) ? Optional.empty()
                        : Optional.of(OpenAiJson.toValue(WireFields.object(parameters, at + ".parameters"))),
                WireFields.bool(function, "strict", at + ".strict"));
    }

    private static Optional<ToolChoice> toolChoice(ObjectNode body) {
        JsonNode choice = body.get("tool_choice");
        String param = "tool_choice";
        if (WireFields.absent(choice)) {
            choice = body.get("function_call");
            param = "function_call";
        }
        if (WireFields.absent(choice)) {
            return Optional.empty();
        }
        if (choice.isTextual()) {
            return Optional.of(switch (choice.textValue()) {
                case "auto" -> new ToolChoice.Auto();
                case "none" -> new ToolChoice.None();
                case "required" -> new ToolChoice.Required();
                default -> throw GatewayException.invalid("'" + param + "' must be auto, none, required or"
                        + " an object naming a function", param);
            });
        }
        JsonNode object = WireFields.object(choice, param);
        JsonNode function = object.has("function") ? WireFields.object(object.get("function"), param + ".function")
                : object;
        return Optional.of(new ToolChoice.Function(WireFields.requiredString(function, "name", param + ".function.name")));
    }
}
