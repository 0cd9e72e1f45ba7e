package dev.aigateway.egress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a native answer's model, id and usage while its bytes are relayed, never holding the answer: from the top
 * level of a JSON body, or from each {@code data:} event of an SSE stream (the last usage and model win, the first id
 * does). Which of the two it is shows in the first byte that is not white space: a JSON answer's is '{', a stream's
 * never is.
 */
public final class AnswerTap implements UpstreamHttp.Tap {
    private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);
    private static final String MODEL = "model";

    /** What the answer said, as far as it was read. */
    public record Read(Optional<String> model, Optional<String> id, Optional<JsonNode> usage) { }

    private final ObjectMapper json;
    private final Set<String> idFields;
    private final Set<String> usageFields;
    private final Set<String> wanted = new HashSet<>();
    /** Null until the first byte that is not white space showed which. */
    private Boolean events;
    private TopLevelFields current;
    /** In a stream: how many bytes of the current line matched {@code data:}, or -1 once it cannot be an event. */
    private int prefixMatched;
    private Optional<String> model = Optional.empty();
    private Optional<String> id = Optional.empty();
    private Optional<JsonNode> usage = Optional.empty();

    /**
     * @param idFields the top-level fields that may hold the answer's id, e.g. {@code id}, {@code conversation_id}
     * @param usageFields the top-level fields that may hold its usage object, e.g. {@code usage}
     */
    public AnswerTap(ObjectMapper json, Set<String> idFields, Set<String> usageFields) {
        this.json = json;
        this.idFields = idFields;
        this.usageFields = usageFields;
        wanted.add(MODEL);
        wanted.addAll(idFields);
        wanted.addAll(usageFields);
    }

    /** The next piece of the answer, as relayed. */
    @Override
    public void accept(byte[] bytes, int offset, int length) {
        if (events == null) {
            for (int i = offset; i < offset + length && events == null; i++) {
                if (bytes[i] > ' ') {
                    events = bytes[i] != '{';
                    current = events ? null : new TopLevelFields(wanted);
                }
            }
            if (events == null) {
                return;
            }
        }
        if (!events) {
            current.feed(bytes, offset, length);
            return;
        }
        int end = offset + length;
        int runStart = offset;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (b == '\n' || b == '\r') {
                if (current != null) {
                    current.feed(bytes, runStart, i - runStart);
                    take(current);
                    current = null;
                }
                prefixMatched = 0;
                runStart = i + 1;
            } else if (current == null && prefixMatched >= 0) {
                prefixMatched = b == DATA[prefixMatched] ? prefixMatched + 1 : -1;
                if (prefixMatched == DATA.length) {
                    current = new TopLevelFields(wanted);
                    runStart = i + 1;
                }
            }
        }
        if (current != null && runStart < end) {
            current.feed(bytes, runStart, end - runStart);
        }
    }

    /** What the answer said, once it has been relayed whole. */
    public Read read() {
        if (current != null) {
            take(current);
            current = null;
        }
        return new Read(model, id, usage);
    }

    private void take(TopLevelFields fields) {
        for (Map.Entry<String, byte[]> field : fields.found().entrySet()) {
            try {
                String name = field.getKey();
                if (name.equals(MODEL)) {
                    model = Optional.of(json.readValue(field.getValue(), String.class));
                } else if (idFields.contains(name) && id.isEmpty()) {
                    id = Optional.of(json.readValue(field.getValue(), String.class));
                } else if (usageFields.contains(name)) {
                    usage = Optional.of(json.readTree(field.getValue()));
                }
            } catch (IOException e) {
                // A value that is not what its name promises (an object for an id): not a usage to meter.
            }
        }
    }
}
