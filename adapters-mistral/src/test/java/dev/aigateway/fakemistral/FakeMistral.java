package dev.aigateway.fakemistral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A stand-in for Mistral's API on a free loopback port, strict like the real one: requests are checked against
 * Mistral's OpenAPI schemas (unknown fields get Mistral's 422), tool-call ids must be nine letters or digits
 * (400, code 3280), the key must match (401), and server-side message-order rules apply. It records every
 * request and answers chat (plain or SSE, optionally paced), embeddings (vectors derived from the input) and
 * errors a test scripts.
 */
public final class FakeMistral implements AutoCloseable {
    /** The usage every default chat answer reports, so tests can check it arrives unchanged. */
    public static final int PROMPT_TOKENS = 34;
    public static final int COMPLETION_TOKENS = 7;
    public static final int TOTAL_TOKENS = 41;
    public static final String DEFAULT_ANSWER = "Hello from the fake Mistral";
    /** What every fill-in-the-middle request gets. */
    public static final String FIM_ANSWER = "return a + b";
    /** The models {@code GET /v1/models} lists. */
    public static final List<String> MODELS = List.of("mistral-small-latest", "codestral-latest", "mistral-embed");

    private static final Pattern TOOL_CALL_ID = Pattern.compile("[a-zA-Z0-9]{9}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String apiKey;
    private final WebServer server;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<FakeReply> scripted = new ConcurrentLinkedQueue<>();
    private final List<Long> eventSentNanos = new CopyOnWriteArrayList<>();
    private final List<Long> streamAbortedNanos = new CopyOnWriteArrayList<>();
    private final MistralSchema chatSchema = MistralSchema.of("ChatCompletionRequest");
    private final MistralSchema embeddingSchema = MistralSchema.of("EmbeddingRequest");
    private final MistralSchema fimSchema = MistralSchema.of("FIMCompletionRequest");
    private volatile Duration streamPacing = Duration.ZERO;

    private FakeMistral(String apiKey) {
        this.apiKey = apiKey;
        this.server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .connectionOptions(options -> options.tcpNoDelay(true))
                .routing(routing -> routing
                        .post("/v1/chat/completions", this::chat)
                        .post("/v1/embeddings", this::embeddings)
                        .post("/v1/fim/completions", this::fim)
                        .get("/v1/models", this::models)
                        .any(this::notFound))
                .build()
                .start();
    }

    /** Starts a fake that accepts only {@code Authorization: Bearer <apiKey>}. */
    public static FakeMistral start(String apiKey) {
        return new FakeMistral(apiKey);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public RecordedRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("the fake Mistral has received no request");
        }
        return requests.get(requests.size() - 1);
    }

    /** Queues the answer to the next chat request. */
    public void enqueue(FakeReply reply) {
        scripted.add(reply);
    }

    /** Makes streamed answers wait this long before each event after the first. */
    public void paceStreams(Duration pacing) {
        streamPacing = pacing;
    }

    /** When each SSE event of the streams so far left the fake, in {@link System#nanoTime()} units. */
    public List<Long> eventSentNanos() {
        return List.copyOf(eventSentNanos);
    }

    @Override
    public void close() {
        server.stop();
    }

    private void chat(ServerRequest request, ServerResponse response) throws IOException {
        JsonNode body = admit(request, response, chatSchema);
        if (body == null) {
            return;
        }
        String ruleBroken = serverRules(body.path("messages"));
        if (ruleBroken != null) {
            sendJson(response, 400, error(ruleBroken, "invalid_request_message_order", "3230"));
            return;
        }
        String problem = toolCallIdProblem(body.path("messages"));
        if (problem != null) {
            sendJson(response, 400, error(problem, "invalid_function_call", "3280"));
            return;
        }
        FakeReply reply = scripted.poll();
        if (reply == null) {
            reply = likeAModel(body);
        }
        answer(response, body, reply);
    }

    private void answer(ServerResponse response, JsonNode body, FakeReply reply) throws IOException {
        String model = body.path("model").asText();
        switch (reply) {
            case FakeReply.Delay delay -> {
                sleep(delay.delay());
                answer(response, body, delay.then());
            }
            case FakeReply.Stall stall -> stream(response, textEvents(model, new FakeReply.Text(stall.content(),
                    "stop")), stall.eventsBefore(), stall.stall(), false);
            case FakeReply.Reset reset -> stream(response, textEvents(model, new FakeReply.Text(reset.content(),
                    "stop")), reset.eventsBefore(), Duration.ZERO, true);
            case FakeReply.Error error -> {
                error.headers().forEach(response::header);
                response.status(error.status());
                response.header(HeaderNames.CONTENT_TYPE, error.body().startsWith("{") ? "application/json"
                        : "text/html");
                response.send(error.body().getBytes(StandardCharsets.UTF_8));
            }
            case FakeReply.Text text -> {
                if (body.path("stream").asBoolean(false)) {
                    streamText(response, model, text);
                } else {
                    sendJson(response, 200, completion(model, text.content(), JSON.nullNode(), text.finishReason()));
                }
            }
            case FakeReply.ToolCalls calls -> {
                ArrayNode wire = toolCalls(calls);
                if (body.path("stream").asBoolean(false)) {
                    streamToolCalls(response, model, wire);
                } else {
                    sendJson(response, 200, completion(model, "", wire, "tool_calls"));
                }
            }
        }
    }

    private void fim(ServerRequest request, ServerResponse response) throws IOException {
        JsonNode body = admit(request, response, fimSchema);
        if (body == null) {
            return;
        }
        FakeReply.Text text = new FakeReply.Text(FIM_ANSWER, "stop");
        String model = body.path("model").asText();
        if (body.path("stream").asBoolean(false)) {
            streamText(response, model, text);
        } else {
            sendJson(response, 200, completion(model, FIM_ANSWER, JSON.nullNode(), "stop"));
        }
    }

    private void models(ServerRequest request, ServerResponse response) {
        if (admit(request, response, null) == null) {
            return;
        }
        ObjectNode list = JSON.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        MODELS.forEach(id -> data.addObject().put("id", id).put("object", "model").put("created", 1700000000L)
                .put("owned_by", "mistralai"));
        sendJson(response, 200, list);
    }

    private void embeddings(ServerRequest request, ServerResponse response) {
        JsonNode body = admit(request, response, embeddingSchema);
        if (body == null) {
            return;
        }
        List<String> inputs = new ArrayList<>();
        if (body.path("input").isTextual()) {
            inputs.add(body.path("input").textValue());
        } else {
            body.path("input").forEach(item -> inputs.add(item.asText()));
        }
        int dimensions = body.path("output_dimension").asInt(8);
        ObjectNode answer = JSON.createObjectNode().put("id", newId()).put("object", "list");
        ArrayNode data = answer.putArray("data");
        for (int i = 0; i < inputs.size(); i++) {
            ArrayNode vector = data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
            for (double value : vectorOf(inputs.get(i), dimensions)) {
                vector.add(value);
            }
        }
        answer.put("model", body.path("model").asText());
        int tokens = inputs.stream().mapToInt(text -> text.split("\\s+").length).sum();
        answer.putObject("usage").put("prompt_tokens", tokens).put("completion_tokens", 0).put("total_tokens", tokens);
        sendJson(response, 200, answer);
    }

    /**
     * The vector the fake gives a text: values are multiples of 1/1024, so float32 and double agree exactly.
     */
    public static double[] vectorOf(String text, int dimensions) {
        double[] vector = new double[dimensions];
        for (int i = 0; i < dimensions; i++) {
            int hash = (text + "#" + i).hashCode();
            vector[i] = (Math.floorMod(hash, 2049) - 1024) / 1024.0;
        }
        return vector;
    }

    private void notFound(ServerRequest request, ServerResponse response) {
        record(request, request.content().hasEntity() ? request.content().as(byte[].class) : new byte[0]);
        sendJson(response, 404, JSON.createObjectNode().put("detail", "Not Found"));
    }

    /**
     * Records the request, then checks the key and the schema (none for a GET); returns the body (an empty object
     * for a GET), or null once it answered.
     */
    private JsonNode admit(ServerRequest request, ServerResponse response, MistralSchema schema) {
        byte[] bytes = request.content().hasEntity() ? request.content().as(byte[].class) : new byte[0];
        record(request, bytes);
        String auth = request.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        if (!auth.equals("Bearer " + apiKey)) {
            sendJson(response, 401, JSON.createObjectNode().put("message", "Unauthorized")
                    .put("request_id", newId()));
            return null;
        }
        if (schema == null) {
            return JSON.createObjectNode();
        }
        JsonNode body;
        try {
            body = JSON.readTree(bytes);
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            ArrayNode detail = JSON.createArrayNode();
            detail.addObject().put("type", "json_invalid").put("msg", "JSON decode error")
                    .putArray("loc").add("body");
            sendJson(response, 422, JSON.createObjectNode().set("detail", detail));
            return null;
        }
        ArrayNode problems = schema.problems(body);
        if (!problems.isEmpty()) {
            ObjectNode error = JSON.createObjectNode().put("object", "error");
            error.putObject("message").set("detail", problems);
            error.put("type", "invalid_request_error").putNull("param").putNull("code");
            sendJson(response, 422, error);
            return null;
        }
        return body;
    }

    private void record(ServerRequest request, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : request.headers()) {
            headers.put(header.name().toLowerCase(Locale.ROOT), header.allValues());
        }
        String query = request.prologue().query().rawValue();
        String target = query.isEmpty() ? request.path().rawPath() : request.path().rawPath() + "?" + query;
        requests.add(new RecordedRequest(request.prologue().method().text(), target, headers, body));
    }

    /**
     * What a model would do without a script: call the first tool when it has tools and the user just spoke,
     * report a tool's result when one just came back, and otherwise give the default answer.
     */
    private static FakeReply likeAModel(JsonNode body) {
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
        return FakeReply.text(DEFAULT_ANSWER);
    }

    /** A message's text, whether its content is a string or a list of text chunks. */
    private static String text(JsonNode content) {
        if (!content.isArray()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(chunk -> text.append(chunk.path("text").asText()));
        return text.toString();
    }

    private static String newToolCallId() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** Mistral's 400s for message orders its schema allows; returns null when the rules hold. */
    private static String serverRules(JsonNode messages) {
        String previous = null;
        for (JsonNode message : messages) {
            String role = message.path("role").asText();
            if (role.equals("user") && "tool".equals(previous)) {
                return "Unexpected role 'user' after role 'tool'";
            }
            boolean hasContent = message.hasNonNull("content") && !message.path("content").asText("x").isEmpty();
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

    private static String toolCallIdProblem(JsonNode messages) {
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

    private static ObjectNode completion(String model, String content, JsonNode toolCalls, String finishReason) {
        ObjectNode answer = header(model, "chat.completion");
        ObjectNode choice = answer.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content).set("tool_calls", toolCalls);
        choice.put("finish_reason", finishReason);
        usage(answer);
        return answer;
    }

    private void streamText(ServerResponse response, String model, FakeReply.Text text) throws IOException {
        stream(response, textEvents(model, text));
    }

    private static List<ObjectNode> textEvents(String model, FakeReply.Text text) {
        String id = newId();
        List<ObjectNode> events = new ArrayList<>();
        events.add(chunk(id, model, JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
        String[] words = text.content().split("(?<= )");
        for (int i = 0; i < words.length; i++) {
            boolean last = i == words.length - 1;
            ObjectNode event = chunk(id, model, JSON.createObjectNode().put("content", words[i]),
                    last ? text.finishReason() : null);
            if (last) {
                usage(event);
            }
            events.add(event);
        }
        return events;
    }

    private void streamToolCalls(ServerResponse response, String model, ArrayNode calls) throws IOException {
        String id = newId();
        ObjectNode delta = JSON.createObjectNode().put("role", "assistant").put("content", "");
        ObjectNode event = chunk(id, model, delta.set("tool_calls", calls), "tool_calls");
        usage(event);
        stream(response, List.of(chunk(id, model, JSON.createObjectNode().put("role", "assistant")
                .put("content", ""), null), event));
    }

    private void stream(ServerResponse response, List<ObjectNode> events) throws IOException {
        stream(response, events, events.size(), Duration.ZERO, false);
    }

    /**
     * Streams the events, pausing {@code fault} after the first {@code faultAfter} of them (or breaking the
     * connection there when {@code reset}). Notes when the gateway hung up.
     */
    private void stream(ServerResponse response, List<ObjectNode> events, int faultAfter, Duration fault,
                        boolean reset) throws IOException {
        response.status(200);
        response.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        OutputStream out = response.outputStream();
        try {
            for (int i = 0; i < events.size(); i++) {
                if (i == faultAfter) {
                    if (reset) {
                        throw new BrokenOnPurpose();
                    }
                    sleep(fault);
                } else if (i > 0) {
                    sleep(streamPacing);
                }
                out.write(("data: " + JSON.writeValueAsString(events.get(i)) + "\n\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                eventSentNanos.add(System.nanoTime());
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            out.close();
        } catch (IOException | RuntimeException e) {
            if (!(e instanceof BrokenOnPurpose)) {
                streamAbortedNanos.add(System.nanoTime());
            }
            throw e;
        }
    }

    /** Breaks a stream mid-way: Helidon closes the connection when a handler fails after sending. */
    private static final class BrokenOnPurpose extends RuntimeException {
        BrokenOnPurpose() {
            super("the fake breaks the stream here");
        }
    }

    /** When the gateway hung up on a stream, in {@link System#nanoTime()} units, one entry per stream. */
    public List<Long> streamAbortedNanos() {
        return List.copyOf(streamAbortedNanos);
    }

    private static void sleep(Duration duration) {
        if (!duration.isZero()) {
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ObjectNode chunk(String id, String model, ObjectNode delta, String finishReason) {
        ObjectNode event = header(model, "chat.completion.chunk").put("id", id);
        ObjectNode choice = event.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finishReason);
        return event;
    }

    private static ArrayNode toolCalls(FakeReply.ToolCalls calls) {
        ArrayNode wire = JSON.createArrayNode();
        for (FakeReply.Call call : calls.calls()) {
            ObjectNode item = wire.addObject().put("id", call.id()).put("type", "function");
            item.putObject("function").put("name", call.name()).put("arguments", call.arguments());
        }
        return wire;
    }

    private static ObjectNode header(String model, String object) {
        return JSON.createObjectNode().put("id", newId()).put("object", object)
                .put("created", System.currentTimeMillis() / 1000).put("model", model);
    }

    private static void usage(ObjectNode answer) {
        answer.putObject("usage").put("prompt_tokens", PROMPT_TOKENS).put("completion_tokens", COMPLETION_TOKENS)
                .put("total_tokens", TOTAL_TOKENS);
    }

    private static ObjectNode error(String message, String type, String code) {
        return JSON.createObjectNode().put("object", "error").put("message", message).put("type", type)
                .putNull("param").put("code", code);
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void sendJson(ServerResponse response, int status, JsonNode body) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        try {
            response.send(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
