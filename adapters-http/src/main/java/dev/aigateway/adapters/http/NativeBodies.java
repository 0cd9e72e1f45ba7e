package dev.aigateway.adapters.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.aigateway.domain.access.TokenEstimate;
import java.io.IOException;
import java.nio.CharBuffer;
import java.util.Locale;
import java.util.Optional;

/**
 * What the gateway reads from a native request's JSON body to govern it, in one pass over its tokens: the
 * {@code model} and {@code stream} it names at the top, the {@code max_tokens} of its {@code completion_args}, and
 * an estimate of its text's tokens. Strings that are not text a model reads as tokens do not count: inline
 * documents, images and audio ({@code data:} URLs, base64) and links to them (fields named {@code ..._url}).
 * The body goes upstream as it came; a body that is not JSON is the provider's to refuse.
 */
final class NativeBodies {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String DATA_URL = "data:";

    /** What a body says; {@link #NOTHING} for one without JSON to read. */
    record Read(Optional<String> model, boolean stream, int promptTokens, Optional<Integer> maxTokens) {
        static final Read NOTHING = new Read(Optional.empty(), false, 0, Optional.empty());
    }

    private NativeBodies() { }

    static Read read(byte[] body) {
        String model = null;
        boolean stream = false;
        Integer maxTokens = null;
        long chars = 0;
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Read.NOTHING;
            }
            int depth = 1;
            String field = null;
            String parent = null;
            JsonToken token;
            while (depth > 0 && (token = parser.nextToken()) != null) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        if (depth == 1) {
                            parent = field;
                        }
                        depth++;
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> field = parser.currentName();
                    case VALUE_STRING -> {
                        if (depth == 1 && "model".equals(field)) {
                            model = parser.getText();
                        } else if (isText(field, parser)) {
                            chars += parser.getTextLength();
                        }
                    }
                    case VALUE_TRUE -> stream |= depth == 1 && "stream".equals(field);
                    case VALUE_NUMBER_INT -> {
                        if (depth == 2 && "completion_args".equals(parent) && "max_tokens".equals(field)
                                && parser.getNumberType() == JsonParser.NumberType.INT) {
                            maxTokens = parser.getIntValue();
                        }
                    }
                    default -> { }
                }
            }
        } catch (IOException notJson) {
            return Read.NOTHING;
        }
        return new Read(Optional.ofNullable(model), stream, TokenEstimate.textTokens(chars),
                Optional.ofNullable(maxTokens));
    }

    /** Read from the parser's own buffer: a base64 document may be megabytes, and needs no String of its own. */
    private static boolean isText(String field, JsonParser parser) throws IOException {
        String name = field == null ? "" : field.toLowerCase(Locale.ROOT);
        if (name.endsWith("_url") || name.endsWith("base64") || name.equals("url")) {
            return false;
        }
        char[] text = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        return parser.getTextLength() < DATA_URL.length()
                || !DATA_URL.contentEquals(CharBuffer.wrap(text, offset, DATA_URL.length()));
    }
}
