package dev.aigateway.fakeollama;

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
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for Ollama's native API on a free loopback port, strict where Ollama is: an unknown model is a 404,
 * tool-call arguments must be objects, and answers stream as NDJSON unless the request says {@code stream: false}.
 * It answers like a model would: a tool call when offered tools, the tool's result when given one, else a greeting.
 */
public final class FakeOllama extends FakeUpstream {
    public static final String ANSWER = "Hello from the fake Ollama";
    public static final int PROMPT_TOKENS = 26;
    public static final int COMPLETION_TOKENS = 9;
    /** The models it has; any other is a 404. */
    public static final List<String> MODELS = List.of("mistral:7b", "nomic-embed-text");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATED_AT = "2026-12-04T10:00:00.123456Z";

    private FakeOllama() { }

    public static FakeOllama start() {
        FakeOllama fake = new FakeOllama();
        fake.listen();
        return fake;
    }

    @Override
    protected void routes(HttpRouting.Builder routing) {
        routing.post("/api/chat", this::chat)
                .post("/api/embed", this::embed)
                .get("/api/tags", this::tags)
                .any((req, res) -> error(res, 404, "404 page not found"));
    }

    private void chat(ServerRequest request, ServerResponse response) throws IOException {
        JsonNode body = admit(request, response);
        if (body == null) {
            return;
        }
        ScriptedFaults.Fault fault = nextFault(response);
        if (fault instanceof ScriptedFaults.Fault.Fail) {
            return;
        }
        boolean cut = fault instanceof ScriptedFaults.Fault.Cut;
        JsonNode messages = body.path("messages");
        for (JsonNode message : messages) {
            for (JsonNode call : message.path("tool_calls")) {
                if (!call.path("function").path("arguments").isObject()) {
                    error(response, 400, "json: cannot unmarshal string into Go struct field"
                            + " ToolCallFunction.messages.tool_calls.function.arguments of type"
                            + " api.ToolCallFunctionArguments");
                    return;
                }
            }
        }
        JsonNode last = messages.path(messages.size() - 1);
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        if (last.path("role").asText().equals("tool")) {
            message.put("content", "Tool result: " + last.path("content").asText());
        } else if (body.path("tools").isArray() && !body.path("tools").isEmpty()) {
            message.put("content", "");
            message.putArray("tool_calls").addObject().putObject("function")
                    .put("name", body.path("tools").get(0).path("function").path("name").asText())
                    .putObject("arguments").put("city", "Paris");
        } else {
            message.put("content", ANSWER);
        }
        String model = body.path("model").asText();
        if (!body.path("stream").asBoolean(true)) {
            sendJson(response, 200, done(model, message));
            return;
        }
        response.header(HeaderNames.CONTENT_TYPE, "application/x-ndjson");
        try (OutputStream out = response.outputStream()) {
            String content = message.path("content").asText();
            if (!content.isEmpty()) {
                String[] words = content.split(" ");
                for (int i = 0; i < (cut ? 2 : words.length); i++) {
                    ObjectNode line = header(model).put("done", false);
                    line.putObject("message").put("role", "assistant").put("content", (i == 0 ? "" : " ") + words[i]);
                    writeLine(out, line);
                }
                message.put("content", "");
            }
            if (!cut) {
                writeLine(out, done(model, message));
            }
        }
    }

    private void embed(ServerRequest request, ServerResponse response) {
        JsonNode body = admit(request, response);
        if (body == null) {
            return;
        }
        List<String> inputs = new ArrayList<>();
        if (body.path("input").isTextual()) {
            inputs.add(body.path("input").textValue());
        } else {
            body.path("input").forEach(item -> inputs.add(item.asText()));
        }
        int dimensions = body.path("dimensions").asInt(8);
        ObjectNode answer = JSON.createObjectNode().put("model", body.path("model").asText());
        ArrayNode embeddings = answer.putArray("embeddings");
        for (String input : inputs) {
            ArrayNode vector = embeddings.addArray();
            for (double value : vectorOf(input, dimensions)) {
                vector.add(value);
            }
        }
        answer.put("total_duration", 14143917).put("load_duration", 1019500)
                .put("prompt_eval_count", inputs.stream().mapToInt(text -> text.split("\\s+").length).sum());
        sendJson(response, 200, answer);
    }

    private void tags(ServerRequest request, ServerResponse response) {
        ObjectNode list = JSON.createObjectNode();
        ArrayNode models = list.putArray("models");
        MODELS.forEach(name -> models.addObject().put("name", name).put("model", name)
                .put("modified_at", "2026-11-01T12:00:00.5Z").put("size", 4_000_000_000L));
        sendJson(response, 200, list);
    }

    /** The vector the fake gives a text: multiples of 1/1024, so float32 and double agree exactly. */
    public static double[] vectorOf(String text, int dimensions) {
        return vectorOf(text, dimensions, 31);
    }

    /** Records the body; refuses one that is not JSON, or names a model this Ollama does not have. */
    private JsonNode admit(ServerRequest request, ServerResponse response) {
        JsonNode body;
        try {
            body = JSON.readTree(request.content().as(byte[].class));
        } catch (IOException e) {
            error(response, 400, "invalid character in request body");
            return null;
        }
        record(body);
        String model = body.path("model").asText();
        if (!MODELS.contains(model)) {
            error(response, 404, "model \"" + model + "\" not found, try pulling it first");
            return null;
        }
        return body;
    }

    private static ObjectNode header(String model) {
        return JSON.createObjectNode().put("model", model).put("created_at", CREATED_AT);
    }

    private static ObjectNode done(String model, ObjectNode message) {
        ObjectNode line = header(model);
        line.set("message", message);
        return line.put("done", true).put("done_reason", "stop").put("total_duration", 5191566416L)
                .put("prompt_eval_count", PROMPT_TOKENS).put("eval_count", COMPLETION_TOKENS);
    }

    private static void writeLine(OutputStream out, JsonNode line) throws IOException {
        out.write(JSON.writeValueAsBytes(line));
        out.write('\n');
        out.flush();
    }

    private static void error(ServerResponse response, int status, String message) {
        sendJson(response, status, JSON.createObjectNode().put("error", message));
    }
}
