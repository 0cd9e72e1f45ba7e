package dev.aigateway.adapters.mistral;

import static dev.aigateway.egress.JsonTrees.NODES;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.TextInput;
import dev.aigateway.domain.completion.CompletionRequest;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.json.JsonValue;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.Translation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Domain text completion to Mistral's {@code FIMCompletionRequest} ({@code /v1/fim/completions}). OpenAI's legacy
 * completion fields that Mistral lacks are dropped when they cannot change the answer, and refused with a 400
 * naming them when they would.
 */
final class MistralFimRequestMapper {
    private static final Set<String> DROPPED = Set.of("user", "stream_options");
    private static final String MIN_TOKENS = "min_tokens";

    /** Fields Mistral lacks, with the one value at which leaving them out changes nothing. */
    private static final Map<String, JsonValue> NEUTRAL = Map.of(
            "n", number(1), "best_of", number(1), "echo", new JsonValue.JsonBool(false),
            "logprobs", JsonValue.JsonNull.INSTANCE, "presence_penalty", number(0), "frequency_penalty", number(0),
            "logit_bias", JsonValue.JsonObject.empty());

    private MistralFimRequestMapper() { }

    static Translation toMistral(CompletionRequest request) {
        List<String> dropped = new ArrayList<>();
        ObjectNode body = NODES.objectNode();
        body.put("model", request.model().orElseThrow(
                () -> new IllegalStateException("the route resolves the model before the provider is called")));
        body.put("prompt", prompt(request));
        request.suffix().ifPresent(s -> body.put("suffix", s));
        body.put("stream", request.stream());
        request.maxTokens().ifPresent(m -> body.put("max_tokens", m));
        request.temperature().ifPresent(t -> body.put("temperature", MistralChatRequestMapper.temperature(t)));
        request.topP().ifPresent(p -> body.put("top_p", p));
        if (request.topK().isPresent()) {
            throw GatewayException.invalid("top_k is not supported by Mistral's completions", "top_k");
        }
        JsonTrees.putStrings(body, "stop", request.stop());
        request.extensions().forEach((name, value) -> {
            if (name.equals(MIN_TOKENS)) {
                body.put(MIN_TOKENS, minTokens(value));
            } else if (DROPPED.contains(name) || isNeutral(name, value)) {
                dropped.add(name);
            } else if (NEUTRAL.containsKey(name)) {
                throw GatewayException.invalid("'" + name + "' is not supported by Mistral's completions", name);
            } else {
                body.set(name, JsonTrees.toNode(value));
            }
        });
        request.seed().ifPresent(s -> body.put("random_seed", s));
        return new Translation(body, dropped);
    }

    /** Mistral's FIM completes one written-out text per request. */
    private static String prompt(CompletionRequest request) {
        if (request.prompts().size() == 1 && request.prompts().get(0) instanceof TextInput.Text text) {
            return text.text();
        }
        throw GatewayException.invalid("'prompt' must be one string: Mistral completes one text per request and"
                + " takes no token arrays", "prompt");
    }

    /** Mistral's own {@code min_tokens}, checked here: a 400 naming it beats Mistral's 422. */
    private static int minTokens(JsonValue value) {
        if (value instanceof JsonValue.JsonNumber number) {
            try {
                int count = number.value().intValueExact();
                if (count >= 0) {
                    return count;
                }
            } catch (ArithmeticException notWhole) {
                // refused below
            }
        }
        throw GatewayException.invalid("'" + MIN_TOKENS + "' must be a whole number, 0 or more", MIN_TOKENS);
    }

    private static boolean isNeutral(String name, JsonValue value) {
        JsonValue neutral = NEUTRAL.get(name);
        if (neutral == null) {
            return false;
        }
        if (neutral instanceof JsonValue.JsonNumber expected && value instanceof JsonValue.JsonNumber actual) {
            return expected.value().compareTo(actual.value()) == 0;
        }
        return neutral.equals(value);
    }

    private static JsonValue number(int value) {
        return new JsonValue.JsonNumber(BigDecimal.valueOf(value));
    }
}
