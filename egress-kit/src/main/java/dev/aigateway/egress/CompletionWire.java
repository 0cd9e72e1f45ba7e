package dev.aigateway.egress;

import static dev.aigateway.egress.JsonTrees.NODES;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.TextInput;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.ContentPart;
import dev.aigateway.domain.chat.FinishReason;
import dev.aigateway.domain.chat.ToolCall;
import dev.aigateway.domain.chat.ToolChoice;
import dev.aigateway.domain.chat.ToolDefinition;
import dev.aigateway.domain.embedding.Embedding;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.embedding.EmbeddingVector;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.model.ModelInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON objects of the chat-completion API family, which OpenAI defined and Mistral and most self-hosted servers
 * also speak: usage, tool calls and definitions, embedding lists, model lists. A format, not a provider: each
 * provider reads and writes with one made for it, which names it in its protocol errors. Lenient about fields it
 * does not need, strict about those it does: a missing one is an upstream protocol error, never a guess.
 */
public final class CompletionWire {
    private final String upstreamName;

    /** @param upstreamName how protocol errors name the upstream, e.g. {@code Mistral} */
    public CompletionWire(String upstreamName) {
        this.upstreamName = upstreamName;
    }

    /** The {@code usage} object, when the answer has one. */
    public Optional<Usage> usage(JsonNode root) {
        return usageOf(root.path("usage"));
    }

    /**
     * A usage object in OpenAI's and Mistral's names (tokens with their cached and reasoning details, Mistral's
     * {@code prompt_audio_seconds}, and the {@code pages_processed} of Mistral's OCR {@code usage_info}); empty
     * when {@code usage} is not an object.
     */
    public Optional<Usage> usageOf(JsonNode usage) {
        if (!usage.isObject()) {
            return Optional.empty();
        }
        int prompt = count(usage, "prompt_tokens").orElse(0);
        int completion = count(usage, "completion_tokens").orElse(0);
        return Optional.of(new Usage(prompt, completion, count(usage, "total_tokens").orElse(prompt + completion),
                count(usage.path("prompt_tokens_details"), "cached_tokens").orElse(0),
                count(usage.path("completion_tokens_details"), "reasoning_tokens").orElse(0),
                count(usage, "pages_processed").orElse(0), count(usage, "prompt_audio_seconds").orElse(0)));
    }

    /** The tool calls of a message or a delta; arguments sent as an object become the JSON text clients expect. */
    public List<ToolCall> toolCalls(JsonNode message) {
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode function = call.path("function");
            JsonNode arguments = function.path("arguments");
            String text = arguments.isTextual() ? arguments.textValue() : arguments.isMissingNode() ? "{}"
                    : arguments.toString();
            calls.add(new ToolCall(required(call, "id"), required(function, "name"), text));
        }
        return calls;
    }

    /**
     * An embeddings list: one vector per input, each at its {@code index} (or its position). Read as a stream of
     * tokens, not a tree: each vector is kept as the array text the upstream sent, its numbers checked to be numbers
     * but not converted, so that an answer in the same JSON form copies them (thousands of numbers per input, each
     * parsed and printed again otherwise).
     */
    public EmbeddingResponse embeddingResponse(ObjectMapper json, byte[] body) {
        try (JsonParser parser = json.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw protocolError("a body that is not a JSON object");
            }
            Optional<String> id = Optional.empty();
            String model = null;
            ObjectNode rest = NODES.objectNode();
            List<Embedding> data = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "id" -> id = Optional.ofNullable(value == JsonToken.VALUE_STRING ? parser.getText() : null);
                    case "model" -> model = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "data" -> data = embeddings(parser, body);
                    case "usage" -> rest.set("usage", json.readTree(parser));
                    default -> parser.skipChildren();
                }
            }
            if (data == null) {
                throw protocolError("no 'data' array");
            }
            if (model == null) {
                throw protocolError("no 'model'");
            }
            return new EmbeddingResponse(id, model, data, usage(rest));
        } catch (IOException e) {
            throw protocolError("a body that is not valid JSON");
        }
    }

    private List<Embedding> embeddings(JsonParser parser, byte[] body) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw protocolError("no 'data' array");
        }
        List<Embedding> data = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            Optional<Integer> index = Optional.empty();
            EmbeddingVector vector = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "index" -> index = parser.currentToken() == JsonToken.VALUE_NULL ? Optional.empty()
                            : Optional.of(countAt(parser, "index"));
                    case "embedding" -> vector = vector(parser, body);
                    default -> parser.skipChildren();
                }
            }
            if (vector == null) {
                throw protocolError("an embedding without its 'embedding' array");
            }
            data.add(new Embedding(index.orElse(data.size()), vector));
        }
        return data;
    }

    /** The count the parser is at: a whole number, 0 or more. */
    private int countAt(JsonParser parser, String member) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT
                || parser.getIntValue() < 0) {
            throw protocolError("a '" + member + "' that is not a count");
        }
        return parser.getIntValue();
    }

    /** The array the parser is at, as the upstream wrote it, once each of its members proved a number. */
    private EmbeddingVector vector(JsonParser parser, byte[] body) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw protocolError("an embedding without its 'embedding' array");
        }
        int start = (int) parser.currentTokenLocation().getByteOffset();
        int dimensions = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
                throw protocolError("an 'embedding' array with something else than numbers");
            }
            dimensions++;
        }
        int end = (int) parser.currentLocation().getByteOffset();
        return EmbeddingVector.ofJsonArray(new String(body, start, end - start, StandardCharsets.US_ASCII),
                dimensions);
    }

    /** A model list; {@code owner} when a model does not say who owns it. */
    public List<ModelInfo> models(JsonNode root, String owner) {
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode model : array(root, "data")) {
            models.add(new ModelInfo(required(model, "id"), JsonTrees.text(model, "owned_by").orElse(owner),
                    model.path("created").asLong(0)));
        }
        return models;
    }

    /**
     * A chat request's tools, tool choice, {@code parallel_tool_calls} and {@code response_format}, which every
     * speaker of this format writes the same way but for how it says "call a tool" ({@code requiredWord}).
     */
    public void tooling(ObjectNode body, ChatRequest request, String requiredWord) {
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            request.tools().forEach(tool -> tools.add(tool(tool)));
        }
        request.toolChoice().ifPresent(choice -> body.set("tool_choice", toolChoice(choice, requiredWord)));
        request.parallelToolCalls().ifPresent(p -> body.put("parallel_tool_calls", p));
        request.responseFormat().ifPresent(f -> body.set("response_format", JsonTrees.toNode(f)));
    }

    /** A tool definition as a function, with its parameters, or an empty object schema when it has none. */
    public ObjectNode tool(ToolDefinition tool) {
        ObjectNode wire = NODES.objectNode().put("type", "function");
        ObjectNode function = wire.putObject("function").put("name", tool.name());
        tool.description().ifPresent(d -> function.put("description", d));
        function.set("parameters", tool.parameters().map(JsonTrees::toNode).orElseGet(
                () -> NODES.objectNode().put("type", "object").set("properties", NODES.objectNode())));
        tool.strict().ifPresent(s -> function.put("strict", s));
        return wire;
    }

    /** Message content: a string, or text and image parts. */
    public JsonNode content(Content content) {
        return switch (content) {
            case Content.Text text -> NODES.textNode(text.text());
            case Content.Parts parts -> {
                ArrayNode array = NODES.arrayNode();
                for (ContentPart part : parts.parts()) {
                    switch (part) {
                        case ContentPart.Text text -> array.addObject().put("type", "text").put("text", text.text());
                        case ContentPart.ImageUrl image -> {
                            ObjectNode url = array.addObject().put("type", "image_url").putObject("image_url")
                                    .put("url", image.url());
                            image.detail().ifPresent(d -> url.put("detail", d));
                        }
                    }
                }
                yield array;
            }
        };
    }

    /** The tool choice; {@code requiredWord} is how the upstream says "call a tool" ({@code required}, or {@code any}). */
    public JsonNode toolChoice(ToolChoice choice, String requiredWord) {
        return switch (choice) {
            case ToolChoice.Auto ignored -> NODES.textNode("auto");
            case ToolChoice.None ignored -> NODES.textNode("none");
            case ToolChoice.Required ignored -> NODES.textNode(requiredWord);
            case ToolChoice.Function function -> {
                ObjectNode wire = NODES.objectNode().put("type", "function");
                wire.putObject("function").put("name", function.name());
                yield wire;
            }
        };
    }

    /** A choice's {@code finish_reason}, in the family's words (Mistral's {@code model_length} among them). */
    public Optional<FinishReason> finishReason(JsonNode choice) {
        JsonNode reason = choice.path("finish_reason");
        if (!reason.isTextual()) {
            return Optional.empty();
        }
        return Optional.of(switch (reason.textValue()) {
            case "stop" -> FinishReason.STOP;
            case "length", "model_length" -> FinishReason.LENGTH;
            case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            case "error" -> FinishReason.ERROR;
            default -> throw protocolError("an unknown finish_reason '" + reason.textValue() + "'");
        });
    }

    /** A tool call in history, under the id the upstream knows it by. */
    public ObjectNode toolCall(ToolCall call, String id) {
        ObjectNode wire = NODES.objectNode().put("id", id).put("type", "function");
        wire.putObject("function").put("name", call.name()).put("arguments", call.arguments());
        return wire;
    }

    /** The inputs as texts, for an upstream that takes no token arrays. */
    public List<String> textsOnly(List<TextInput> inputs, String field) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            int index = i;
            texts.add(inputs.get(i).asText().orElseThrow(() -> GatewayException.invalid("'" + field + "[" + index
                    + "]' must be a string: " + upstreamName + " takes texts, not token arrays", field)));
        }
        return texts;
    }

    /** A count: absent, or a whole number, 0 or more. */
    public Optional<Integer> count(JsonNode node, String member) {
        JsonNode value = node.path(member);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
            throw protocolError("a '" + member + "' that is not a count");
        }
        return Optional.of(value.intValue());
    }

    public JsonNode array(JsonNode node, String member) {
        JsonNode array = node.path(member);
        if (!array.isArray()) {
            throw protocolError("no '" + member + "' array");
        }
        return array;
    }

    public String required(JsonNode node, String member) {
        return JsonTrees.text(node, member).orElseThrow(() -> protocolError("no '" + member + "'"));
    }

    /** An answer this gateway cannot read, naming the upstream. */
    public GatewayException protocolError(String what) {
        return JsonTrees.protocolError(upstreamName, what);
    }
}
