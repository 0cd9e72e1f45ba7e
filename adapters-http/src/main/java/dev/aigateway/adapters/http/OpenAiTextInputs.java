package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.domain.TextInput;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI's shape for texts a model reads ({@code input} of embeddings, {@code prompt} of completions): a string, an
 * array of strings, one token array, or an array of token arrays. Whether a provider takes token arrays or several
 * texts is the provider's to say.
 */
final class OpenAiTextInputs {
    private static final String SHAPES = "a string, an array of strings, or token arrays";

    private OpenAiTextInputs() { }

    /** The texts, in order; at most {@code limit} of them. */
    static List<TextInput> read(JsonNode parent, String member, int limit) {
        JsonNode value = parent.get(member);
        if (WireFields.absent(value)) {
            throw WireFields.missing(member);
        }
        if (value.isTextual()) {
            return List.of(new TextInput.Text(value.textValue()));
        }
        if (!value.isArray()) {
            throw WireFields.wrongType(member, SHAPES);
        }
        if (!value.isEmpty() && value.get(0).isNumber()) {
            return List.of(tokens(value, member));
        }
        WireFields.atMost(value, limit, member);
        List<TextInput> inputs = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String at = member + "[" + i + "]";
            if (item.isTextual()) {
                inputs.add(new TextInput.Text(item.textValue()));
            } else if (item.isArray()) {
                inputs.add(tokens(item, at));
            } else {
                throw WireFields.wrongType(at, "a string or a token array");
            }
        }
        return inputs;
    }

    private static TextInput.Tokens tokens(JsonNode array, String at) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode id = array.get(i);
            if (!id.canConvertToInt() || !id.isIntegralNumber() || id.intValue() < 0) {
                throw WireFields.wrongType(at + "[" + i + "]", "a token id (a whole number, 0 or more)");
            }
            ids.add(id.intValue());
        }
        return new TextInput.Tokens(ids);
    }
}
