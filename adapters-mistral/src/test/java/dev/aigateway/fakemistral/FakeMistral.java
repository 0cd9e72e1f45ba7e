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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for Mistral's API on a free loopback port, strict like the real one: requests are checked against
 * Mistral's OpenAPI schemas (unknown fields get Mistral's 422), tool-call ids must be nine letters or digits
 * (400, code 3280), the key must match (401), and server-side message-order rules apply. It records every
 * request and answers chat (plain or SSE, optionally paced), embeddings (vectors derived from the input) and
 * errors a test scripts; and Mistral's other endpoints ({@link FakeNativeEndpoints}: OCR, moderations,
 * classifications, conversations, audio transcriptions, files, batch jobs).
 */
public final class FakeMistral implements AutoCloseable {
    /** The usage every default chat answer reports, so tests can check it arrives unchanged. */
    public static final int PROMPT_TOKENS = 34;
    public static final int COMPLETION_TOKENS = 7;
    public static final int TOTAL_TOKENS = 41;
    public static final String DEFAULT_ANSWER = "Hello from the fake Mistral";
    /** Mistral answers more inputs than this in one embeddings call with a 400. */
    public static final int MAX_EMBEDDING_INPUTS = 256;
    /** The cached prompt tokens a request reports when its {@code prompt_cache_key} was seen before. */
    public static final int CACHED_TOKENS = 32;
    /** What every fill-in-the-middle request gets. */
    public static final String FIM_ANSWER = "return a + b";
    /** What every conversation's assistant answers. */
    public static final String CONVERSATION_ANSWER = "Bonjour from the fake agent";
    /** The models {@code GET /v1/models} lists. */
    public static final List<String> MODELS = List.of("mistral-small-latest", "codestral-latest", "mistral-embed");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String apiKey;
    private final WebServer server;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Set<String> promptCacheKeys = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<FakeReply> scripted = new ConcurrentLinkedQueue<>();
    private final List<Long> eventSentNanos = new CopyOnWriteArrayList<>();
    private final List<Long> streamAbortedNanos = new CopyOnWriteArrayList<>();
    private final MistralSchema chatSchema = MistralSchema.of("ChatCompletionRequest");
    private final MistralSchema embeddingSchema = MistralSchema.of("EmbeddingRequest");
    private final MistralSchema fimSchema = MistralSchema.of("FIMCompletionRequest");
    private volatile Duration streamPacing = Duration.ZERO;
    private final FakeNativeEndpoints natives = new FakeNativeEndpoints(this);

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
                        .update(natives::register)
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
        String ruleBroken = MistralRules.serverRules(body.path("messages"));
        if (ruleBroken != null) {
            sendJson(response, 400, FakeAnswers.error(ruleBroken, "invalid_request_message_order", "3230"));
            return;
        }
        String problem = MistralRules.toolCallIdProblem(body.path("messages"));
        if (problem != null) {
            sendJson(response, 400, FakeAnswers.error(problem, "invalid_function_call", "3280"));
            return;
        }
        FakeReply reply = scripted.poll();
        if (reply == null) {
            reply = MistralRules.likeAModel(body);
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
            case FakeReply.Stall stall -> stream(response, FakeAnswers.textEvents(model, new FakeReply.Text(stall.content(),
                    "stop")), stall.eventsBefore(), stall.stall(), false);
            case FakeReply.Reset reset -> stream(response, FakeAnswers.textEvents(model, new FakeReply.Text(reset.content(),
                    "stop")), reset.eventsBefore(), Duration.ZERO, true);
            case FakeReply.Error error -> {
                error.headers().forEach(response::header);
                response.status(error.status());
                response.header(HeaderNames.CONTENT_TYPE, error.body().startsWith("{") ? "application/json"
                        : "text/html");
                response.send(error.body().getBytes(StandardCharsets.UTF_8));
            }
            case FakeReply.Text text -> {
                int cached = cachedTokens(body);
                if (body.path("stream").asBoolean(false)) {
                    stream(response, FakeAnswers.textEvents(model, text).stream()
                            .map(event -> FakeAnswers.cacheHit(event, cached)).toList());
                } else {
                    sendJson(response, 200, FakeAnswers.cacheHit(FakeAnswers.completion(model, text.content(),
                            JSON.nullNode(), text.finishReason()), cached));
                }
            }
            case FakeReply.ToolCalls calls -> {
                ArrayNode wire = FakeAnswers.toolCalls(calls);
                if (body.path("stream").asBoolean(false)) {
                    streamToolCalls(response, model, wire);
                } else {
                    sendJson(response, 200, FakeAnswers.completion(model, "", wire, "tool_calls"));
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
            stream(response, FakeAnswers.textEvents(model, text));
        } else {
            sendJson(response, 200, FakeAnswers.completion(model, FIM_ANSWER, JSON.nullNode(), "stop"));
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
        if (inputs.size() > MAX_EMBEDDING_INPUTS) {
            sendJson(response, 400, FakeAnswers.error("Too many inputs in request, split into more batches.",
                    "invalid_request_error", "3210"));
            return;
        }
        int dimensions = body.path("output_dimension").asInt(8);
        ObjectNode answer = JSON.createObjectNode().put("id", FakeAnswers.newId()).put("object", "list");
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
        long state = text.hashCode();
        for (int i = 0; i < dimensions; i++) {
            // splitmix64: neighbouring texts and dimensions get unrelated values, so different texts point apart
            state += 0x9E3779B97F4A7C15L;
            long mixed = (state ^ (state >>> 30)) * 0xBF58476D1CE4E5B9L;
            mixed = (mixed ^ (mixed >>> 27)) * 0x94D049BB133111EBL;
            mixed ^= mixed >>> 31;
            vector[i] = (Math.floorMod(mixed, 2049) - 1024) / 1024.0;
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
    JsonNode admit(ServerRequest request, ServerResponse response, MistralSchema schema) {
        byte[] bytes = request.content().hasEntity() ? request.content().as(byte[].class) : new byte[0];
        if (!admitAuthorized(request, response, bytes)) {
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

    /** Records the request with its body, then checks the key; false once it answered 401. */
    boolean admitAuthorized(ServerRequest request, ServerResponse response, byte[] body) {
        record(request, body);
        String auth = request.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        if (!auth.equals("Bearer " + apiKey)) {
            sendJson(response, 401, JSON.createObjectNode().put("message", "Unauthorized")
                    .put("request_id", FakeAnswers.newId()));
            return false;
        }
        return true;
    }

    /** When each multipart upload's first bytes arrived here, in {@link System#nanoTime()} units. */
    public List<Long> uploadFirstByteNanos() {
        return natives.uploadFirstByteNanos();
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

    /** A request naming a {@code prompt_cache_key} seen before hits the prompt cache, as a repeated prefix would. */
    private int cachedTokens(JsonNode body) {
        JsonNode key = body.path("prompt_cache_key");
        return key.isTextual() && !promptCacheKeys.add(key.textValue()) ? CACHED_TOKENS : 0;
    }

    private void streamToolCalls(ServerResponse response, String model, ArrayNode calls) throws IOException {
        String id = FakeAnswers.newId();
        ObjectNode delta = JSON.createObjectNode().put("role", "assistant").put("content", "");
        ObjectNode event = FakeAnswers.chunk(id, model, delta.set("tool_calls", calls), "tool_calls");
        FakeAnswers.usage(event);
        stream(response, List.of(FakeAnswers.chunk(id, model, JSON.createObjectNode().put("role", "assistant")
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

    static void sendJson(ServerResponse response, int status, JsonNode body) {
        response.status(status);
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        try {
            response.send(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
