package dev.aigateway.fakemistral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Mistral's endpoints beyond chat, FIM and embeddings, as strict as the fake's others: moderations and
 * classifications checked against Mistral's OpenAPI schemas, OCR and conversations against the fields Mistral's own
 * SDK sends (anything else gets Mistral's 422 {@code extra_forbidden}), audio and files as multipart uploads read as
 * they arrive. Each answer carries the usage Mistral reports for it.
 */
final class FakeNativeEndpoints {
    /** The pages an OCR answer reports when the request does not list pages. */
    static final int OCR_PAGES = 3;
    /** The audio seconds a transcription reports. */
    static final int AUDIO_SECONDS = 12;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OCR_FIELDS = Set.of("model", "id", "document", "pages", "include_image_base64",
            "image_limit", "image_min_size", "bbox_annotation_format", "document_annotation_format",
            "document_annotation_prompt", "table_format", "extract_header", "extract_footer", "include_blocks",
            "confidence_scores_granularity");
    private static final Set<String> CONVERSATION_FIELDS = Set.of("inputs", "stream", "store", "handoff_execution",
            "instructions", "tools", "completion_args", "guardrails", "name", "description", "metadata", "agent_id",
            "agent_version", "model");
    private static final Set<String> APPEND_FIELDS = Set.of("inputs", "stream", "store", "handoff_execution",
            "completion_args", "tool_confirmations");

    private final FakeMistral fake;
    private final MistralSchema classification = MistralSchema.of("ClassificationRequest");
    private final MistralSchema chatModeration = MistralSchema.of("ChatModerationRequest");
    private final MistralSchema chatClassification = MistralSchema.of("ChatClassificationRequest");
    private final Map<String, ObjectNode> files = new ConcurrentHashMap<>();
    private final List<Long> uploadFirstByteNanos = new CopyOnWriteArrayList<>();

    FakeNativeEndpoints(FakeMistral fake) {
        this.fake = fake;
    }

    void register(HttpRules rules) {
        rules.post("/v1/moderations", (req, res) -> moderations(req, res, classification))
                .post("/v1/chat/moderations", (req, res) -> moderations(req, res, chatModeration))
                .post("/v1/classifications", (req, res) -> classifications(req, res, classification))
                .post("/v1/chat/classifications", (req, res) -> classifications(req, res, chatClassification))
                .post("/v1/ocr", this::ocr)
                .post("/v1/conversations", (req, res) -> conversation(req, res, CONVERSATION_FIELDS, null))
                .post("/v1/conversations/{id}", (req, res) -> conversation(req, res, APPEND_FIELDS,
                        req.path().pathParameters().get("id")))
                .post("/v1/audio/transcriptions", this::transcription)
                .post("/v1/files", this::upload)
                .get("/v1/files", this::listFiles)
                .get("/v1/files/{id}", this::file)
                .delete("/v1/files/{id}", this::deleteFile)
                .post("/v1/batch/jobs", this::batchJob);
    }

    /** When each upload's first bytes reached the fake, in {@link System#nanoTime()} units. */
    List<Long> uploadFirstByteNanos() {
        return List.copyOf(uploadFirstByteNanos);
    }

    private void moderations(ServerRequest request, ServerResponse response, MistralSchema schema) {
        JsonNode body = fake.admit(request, response, schema);
        if (body == null) {
            return;
        }
        ObjectNode answer = JSON.createObjectNode().put("id", FakeAnswers.newId());
        usage(answer, inputCount(body) * 9);
        answer.put("model", body.path("model").asText());
        ArrayNode results = answer.putArray("results");
        for (int i = 0; i < inputCount(body); i++) {
            ObjectNode result = results.addObject();
            ObjectNode categories = result.putObject("categories");
            ObjectNode scores = result.putObject("category_scores");
            for (String category : List.of("sexual", "hate_and_discrimination", "violence_and_threats",
                    "dangerous_and_criminal_content", "selfharm", "health", "financial", "law", "pii")) {
                categories.put(category, false);
                scores.put(category, 0.001);
            }
        }
        FakeMistral.sendJson(response, 200, answer);
    }

    private void classifications(ServerRequest request, ServerResponse response, MistralSchema schema) {
        JsonNode body = fake.admit(request, response, schema);
        if (body == null) {
            return;
        }
        ObjectNode answer = JSON.createObjectNode().put("id", FakeAnswers.newId())
                .put("model", body.path("model").asText());
        ArrayNode results = answer.putArray("results");
        for (int i = 0; i < inputCount(body); i++) {
            results.addObject().putObject("intent").putObject("scores").put("question", 0.9).put("other", 0.1);
        }
        usage(answer, inputCount(body) * 9);
        FakeMistral.sendJson(response, 200, answer);
    }

    private void ocr(ServerRequest request, ServerResponse response) {
        JsonNode body = admitFields(request, response, OCR_FIELDS, Set.of("model", "document"));
        if (body == null) {
            return;
        }
        int pages = body.path("pages").isArray() ? body.path("pages").size() : OCR_PAGES;
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode pageList = answer.putArray("pages");
        for (int i = 0; i < pages; i++) {
            ObjectNode page = pageList.addObject().put("index", i).put("markdown", "# Page " + (i + 1));
            page.putArray("images");
            page.putObject("dimensions").put("dpi", 200).put("height", 2200).put("width", 1700);
        }
        answer.put("model", body.path("model").asText()).putNull("document_annotation");
        answer.putObject("usage_info").put("pages_processed", pages).put("doc_size_bytes", 4096);
        FakeMistral.sendJson(response, 200, answer);
    }

    /** Starts a conversation, or appends to one; streamed as Mistral's conversation events when asked. */
    private void conversation(ServerRequest request, ServerResponse response, Set<String> allowed,
                              String appendTo) throws IOException {
        JsonNode body = admitFields(request, response, allowed, Set.of("inputs"));
        if (body == null) {
            return;
        }
        String conversationId = appendTo != null ? appendTo : "conv_" + FakeAnswers.newId();
        String model = body.path("model").asText("mistral-medium-latest");
        int completion = 6;
        int prompt = (int) Math.max(1, body.path("inputs").toString().length() / 4);
        ObjectNode usage = JSON.createObjectNode().put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion).putNull("connector_tokens").putNull("connectors");
        String created = Instant.now().toString();
        if (!body.path("stream").asBoolean(false)) {
            ObjectNode answer = JSON.createObjectNode().put("object", "conversation.response")
                    .put("conversation_id", conversationId);
            answer.putArray("outputs").addObject().put("object", "entry").put("type", "message.output")
                    .put("created_at", created).put("completed_at", created).put("id", "msg_" + FakeAnswers.newId())
                    .put("model", model).put("role", "assistant").put("content", FakeMistral.CONVERSATION_ANSWER);
            answer.set("usage", usage);
            FakeMistral.sendJson(response, 200, answer);
            return;
        }
        List<ObjectNode> events = new ArrayList<>();
        events.add(JSON.createObjectNode().put("type", "conversation.response.started").put("created_at", created)
                .put("conversation_id", conversationId));
        String messageId = "msg_" + FakeAnswers.newId();
        for (String word : FakeMistral.CONVERSATION_ANSWER.split("(?<= )")) {
            events.add(JSON.createObjectNode().put("type", "message.output.delta").put("created_at", created)
                    .put("output_index", 0).put("id", messageId).put("content_index", 0).put("model", model)
                    .put("role", "assistant").put("content", word));
        }
        events.add((ObjectNode) JSON.createObjectNode().put("type", "conversation.response.done")
                .put("created_at", created).set("usage", usage));
        response.status(200);
        response.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
        try (OutputStream out = response.outputStream()) {
            for (ObjectNode event : events) {
                out.write(("event: " + event.path("type").asText() + "\ndata: " + JSON.writeValueAsString(event)
                        + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    private void transcription(ServerRequest request, ServerResponse response) throws IOException {
        String form = admitMultipart(request, response, Set.of("model", "file"));
        if (form == null) {
            return;
        }
        ObjectNode answer = JSON.createObjectNode().put("model", field(form, "model")).put("text", "bonjour")
                .put("language", "fr");
        answer.putArray("segments");
        answer.putObject("usage").put("prompt_audio_seconds", AUDIO_SECONDS).put("prompt_tokens", 4)
                .put("total_tokens", 10).put("completion_tokens", 6);
        FakeMistral.sendJson(response, 200, answer);
    }

    private void upload(ServerRequest request, ServerResponse response) throws IOException {
        String form = admitMultipart(request, response, Set.of("file"));
        if (form == null) {
            return;
        }
        String id = "file-" + FakeAnswers.newId();
        ObjectNode file = JSON.createObjectNode().put("id", id).put("object", "file")
                .put("bytes", form.length()).put("created_at", Instant.now().getEpochSecond())
                .put("filename", "upload.jsonl").put("purpose", form.contains("name=\"purpose\"")
                        ? field(form, "purpose") : "fine-tune")
                .put("sample_type", "batch_request").put("source", "upload");
        files.put(id, file);
        FakeMistral.sendJson(response, 200, file);
    }

    private void listFiles(ServerRequest request, ServerResponse response) {
        if (fake.admit(request, response, null) == null) {
            return;
        }
        ObjectNode list = JSON.createObjectNode().put("object", "list").put("total", files.size());
        list.putArray("data").addAll(files.values());
        FakeMistral.sendJson(response, 200, list);
    }

    private void file(ServerRequest request, ServerResponse response) {
        if (fake.admit(request, response, null) == null) {
            return;
        }
        ObjectNode file = files.get(request.path().pathParameters().get("id"));
        FakeMistral.sendJson(response, file == null ? 404 : 200, file == null
                ? JSON.createObjectNode().put("detail", "File not found") : file);
    }

    private void deleteFile(ServerRequest request, ServerResponse response) {
        if (fake.admit(request, response, null) == null) {
            return;
        }
        String id = request.path().pathParameters().get("id");
        boolean deleted = files.remove(id) != null;
        FakeMistral.sendJson(response, deleted ? 200 : 404, deleted ? JSON.createObjectNode().put("id", id)
                .put("object", "file").put("deleted", true) : JSON.createObjectNode().put("detail", "File not found"));
    }

    private void batchJob(ServerRequest request, ServerResponse response) {
        JsonNode body = admitFields(request, response, Set.of("input_files", "requests", "endpoint", "model",
                "agent_id", "metadata", "timeout_hours"), Set.of("endpoint"));
        if (body == null) {
            return;
        }
        ObjectNode job = JSON.createObjectNode().put("id", "batch-" + FakeAnswers.newId()).put("object", "batch")
                .put("endpoint", body.path("endpoint").asText()).put("model", body.path("model").asText(null))
                .put("status", "QUEUED").put("created_at", Instant.now().getEpochSecond()).put("total_requests", 0)
                .put("completed_requests", 0).put("succeeded_requests", 0).put("failed_requests", 0);
        job.set("input_files", body.path("input_files"));
        job.putArray("errors");
        FakeMistral.sendJson(response, 200, job);
    }

    /** A JSON body with only {@code allowed} top-level fields, and all {@code required} ones; null once refused. */
    private JsonNode admitFields(ServerRequest request, ServerResponse response, Set<String> allowed,
                                 Set<String> required) {
        JsonNode body = fake.admit(request, response, MistralSchema.ANY_OBJECT);
        if (body == null) {
            return null;
        }
        ArrayNode detail = JSON.createArrayNode();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                detail.addObject().put("type", "extra_forbidden").put("msg", "Extra inputs are not permitted")
                        .set("loc", JSON.createArrayNode().add("body").add(name));
            }
        }
        for (String name : required) {
            if (!body.has(name)) {
                detail.addObject().put("type", "missing").put("msg", "Field required")
                        .set("loc", JSON.createArrayNode().add("body").add(name));
            }
        }
        if (!detail.isEmpty()) {
            FakeMistral.sendJson(response, 422, JSON.createObjectNode().set("detail", detail));
            return null;
        }
        return body;
    }

    /**
     * A multipart form, read as it arrives (the first bytes' arrival noted), with the {@code required} parts; its
     * text (parts' headers and values; file bytes too, as Latin-1, one character per byte) or null once refused.
     */
    private String admitMultipart(ServerRequest request, ServerResponse response, Set<String> required)
            throws IOException {
        String type = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = request.content().inputStream()) {
            byte[] buffer = new byte[16 * 1024];
            int read;
            boolean first = true;
            while ((read = in.read(buffer)) != -1) {
                if (first) {
                    uploadFirstByteNanos.add(System.nanoTime());
                    first = false;
                }
                bytes.write(buffer, 0, read);
            }
        }
        if (!fake.admitAuthorized(request, response, bytes.toByteArray())) {
            return null;
        }
        String form = bytes.toString(StandardCharsets.ISO_8859_1);
        List<String> missing = required.stream().filter(name -> !form.contains("name=\"" + name + "\"")).toList();
        if (!type.startsWith("multipart/form-data") || !missing.isEmpty()) {
            ArrayNode detail = JSON.createArrayNode();
            for (String name : missing.isEmpty() ? required : missing) {
                detail.addObject().put("type", "missing").put("msg", "Field required")
                        .set("loc", JSON.createArrayNode().add("body").add(name));
            }
            FakeMistral.sendJson(response, 422, JSON.createObjectNode().set("detail", detail));
            return null;
        }
        return form;
    }

    /** A simple form field's value (the line after its part's blank line). */
    private static String field(String form, String name) {
        int at = form.indexOf("name=\"" + name + "\"");
        int start = form.indexOf("\r\n\r\n", at) + 4;
        return form.substring(start, form.indexOf("\r\n", start));
    }

    private static int inputCount(JsonNode body) {
        JsonNode input = body.path("input");
        return input.isArray() && !(input.size() > 0 && input.get(0).isObject()) ? input.size() : 1;
    }

    private static void usage(ObjectNode answer, int promptTokens) {
        answer.putObject("usage").put("prompt_tokens", promptTokens).put("total_tokens", promptTokens)
                .put("completion_tokens", 0).put("request_count", 1);
    }
}
