package dev.aigateway.fakeopenai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.egress.contract.FakeUpstream;
import dev.aigateway.egress.contract.ScriptedFaults;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A stand-in for OpenAI's API on a free loopback port, strict where OpenAI is: a wrong key is a 401, and a request
 * field OpenAI does not know is a 400 "Unrecognized request argument supplied". Streams send tool calls in fragments
 * and usage in a chunk of its own, only when {@code stream_options.include_usage} asks for it.
 */
public final class FakeOpenAi extends FakeUpstream {
    public static final String ANSWER = "Hello from the fake OpenAI";
    public static final int PROMPT_TOKENS = 19;
    public static final int COMPLETION_TOKENS = 6;
    public static final String TOOL_CALL_ID = "call_Kx9fakeopenai01";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CHAT_FIELDS = Set.of("model", "messages", "stream", "stream_options",
            "temperature", "top_p", "max_tokens", "max_completion_tokens", "seed", "stop", "presence_penalty",
            "frequency_penalty", "n", "tools", "tool_choice", "parallel_tool_calls", "response_format", "user",
            "logprobs", "top_logprobs", "logit_bias", "store", "metadata", "service_tier", "modalities", "audio",
            "prediction", "reasoning_effort", "web_search_options");
    private static final Set<String> EMBEDDING_FIELDS = Set.of("model", "input", "dimensions", "encoding_format",
            "user");

    private final String apiKey;

    private FakeOpenAi(String apiKey) {
        this.apiKey = apiKey;
    }

    /** Starts a fake that accepts only {@code Authorization: Bearer <apiKey>}. */
    public static FakeOpenAi start(String apiKey) {
        FakeOpenAi fake = new FakeOpenAi(apiKey);
        fake.listen();
        return fake;
    }

    @Override
    protected void routes(HttpRouting.Builder routing) {
        routing.post("/v1/chat/completions", this::chat)
                .post("/v1/embeddings", this::embeddings)
                .get("/v1/models", this::models)
                .any((req, res) -> error(res, 404, "Invalid URL", "invalid_request_error", null));
    }

    private void chat(ServerRequest request, ServerResponse response) throws IOException {
        JsonNode body = admit(request, response, CHAT_FIELDS);
        if (body == null) {
            return;
        }
        ScriptedFaults.Fault fault = nextFault(response);
        if (fault instanceof ScriptedFaults.Fault.Fail) {
            return;
        }
        boolean cut = fault instanceof ScriptedFaults.Fault.Cut;
        String model = body.path("model").asText();
        JsonNode messages = body.path("messages");
        JsonNode last = messages.path(messages.size() - 1);
        boolean callTool = last.path("role").asText().equals("user") && body.path("tools").isArray()
                && !body.path("tools").isEmpty() && !body.path("tool_choice").asText().equals("none");
        String content = last.path("role").asText().equals("tool") ? "Tool result: " + last.path("content").asText()
                : callTool ? null : ANSWER;
        String tool = callTool ? body.path("tools").get(0).path("function").path("name").asText() : null;
        if (!body.path("stream").asBoolean(false)) {
            ObjectNode answer = header("chat.completion", model);
            ObjectNode choice = answer.putArray("choices").addObject().put("index", 0);
            ObjectNode message = choice.putObject("message").put("role", "assistant").put("content", content);
            if (callTool) {
                ObjectNode call = message.putArray("tool_calls").addObject().put("id", TOOL_CALL_ID)
                        .put("type", "function");
                call.putObject("function").put("name", tool).put("arguments", "{\"city\":\"Paris\"}");
            }
            choice.putNull("logprobs").put("finish_reason", callTool ? "tool_calls" : "stop");
            usage(answer);
            sendJson(response, 200, answer);
            return;
        }
        response.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
        try (OutputStream out = response.outputStream()) {
            ObjectNode role = chunk(model);
            role.withArray("choices").addObject().put("index", 0).putObject("delta").put("role", "assistant")
                    .put("content", "");
            event(out, role);
            if (callTool) {
                for (String fragment : List.of("{\"city\":", "\"Paris\"}")) {
                    ObjectNode piece = chunk(model);
                    ObjectNode call = piece.withArray("choices").addObject().put("index", 0).putObject("delta")
                            .putArray("tool_calls").addObject().put("index", 0);
                    if (fragment.startsWith("{")) {
                        call.put("id", TOOL_CALL_ID).put("type", "function").putObject("function")
                                .put("name", tool).put("arguments", fragment);
                    } else {
                        call.putObject("function").put("arguments", fragment);
                    }
                    event(out, piece);
                }
            } else {
                String[] words = content.split(" ");
                for (int i = 0; i < (cut ? 1 : words.length); i++) {
                    ObjectNode word = chunk(model);
                    word.withArray("choices").addObject().put("index", 0).putObject("delta")
                            .put("content", (i == 0 ? "" : " ") + words[i]);
                    event(out, word);
                }
            }
            if (cut) {
                return;
            }
            ObjectNode finish = chunk(model);
            ObjectNode finishChoice = finish.withArray("choices").addObject().put("index", 0);
            finishChoice.putObject("delta");
            finishChoice.put("finish_reason", callTool ? "tool_calls" : "stop");
            event(out, finish);
            if (body.path("stream_options").path("include_usage").asBoolean(false)) {
                ObjectNode usage = chunk(model);
                usage.putArray("choices");
                usage(usage);
                event(out, usage);
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void embeddings(ServerRequest request, ServerResponse response) {
        JsonNode body = admit(request, response, EMBEDDING_FIELDS);
        if (body == null) {
            return;
        }
        List<String> inputs = new ArrayList<>();
        JsonNode input = body.path("input");
        if (input.isTextual()) {
            inputs.add(input.textValue());
        } else {
            input.forEach(item -> inputs.add(item.isTextual() ? item.textValue() : item.toString()));
        }
        int dimensions = body.path("dimensions").asInt(8);
        ObjectNode answer = JSON.createObjectNode().put("object", "list");
        ArrayNode data = answer.putArray("data");
        for (int i = 0; i < inputs.size(); i++) {
            ArrayNode vector = data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
            for (double value : vectorOf(inputs.get(i), dimensions)) {
                vector.add(value);
            }
        }
        answer.put("model", body.path("model").asText());
        answer.putObject("usage").put("prompt_tokens", inputs.size() * 2).put("total_tokens", inputs.size() * 2);
        sendJson(response, 200, answer);
    }

    private void models(ServerRequest request, ServerResponse response) {
        if (!authorized(request, response)) {
            return;
        }
        ObjectNode list = JSON.createObjectNode().put("object", "list");
        list.putArray("data").addObject().put("id", "gpt-4o-mini").put("object", "model").put("created", 1721172741)
                .put("owned_by", "system");
        sendJson(response, 200, list);
    }

    /** The vector the fake gives an input (a string's JSON text for token arrays): multiples of 1/1024. */
    public static double[] vectorOf(String text, int dimensions) {
        return vectorOf(text, dimensions, 17);
    }

    private JsonNode admit(ServerRequest request, ServerResponse response, Set<String> known) {
        byte[] bytes = request.content().as(byte[].class);
        if (!authorized(request, response)) {
            return null;
        }
        JsonNode body;
        try {
            body = JSON.readTree(bytes);
        } catch (IOException e) {
            error(response, 400, "We could not parse the JSON body of your request.", "invalid_request_error", null);
            return null;
        }
        record(body);
        for (Iterator<String> fields = body.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!known.contains(field)) {
                error(response, 400, "Unrecognized request argument supplied: " + field, "invalid_request_error",
                        null);
                return null;
            }
        }
        return body;
    }

    private boolean authorized(ServerRequest request, ServerResponse response) {
        if (!request.headers().first(HeaderNames.AUTHORIZATION).orElse("").equals("Bearer " + apiKey)) {
            error(response, 401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
            return false;
        }
        return true;
    }

    private static ObjectNode header(String object, String model) {
        return JSON.createObjectNode().put("id", "chatcmpl-fake1").put("object", object).put("created", 1733300000)
                .put("model", model);
    }

    private static ObjectNode chunk(String model) {
        return header("chat.completion.chunk", model);
    }

    private static void usage(ObjectNode wire) {
        wire.putObject("usage").put("prompt_tokens", PROMPT_TOKENS).put("completion_tokens", COMPLETION_TOKENS)
                .put("total_tokens", PROMPT_TOKENS + COMPLETION_TOKENS);
    }

    private static void event(OutputStream out, JsonNode event) throws IOException {
        out.write(("data: " + JSON.writeValueAsString(event) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void error(ServerResponse response, int status, String message, String type, String code) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.putObject("error").put("message", message).put("type", type).putNull("param").put("code", code);
        sendJson(response, status, envelope);
    }
}
