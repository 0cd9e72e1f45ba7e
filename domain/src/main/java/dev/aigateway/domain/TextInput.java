package dev.aigateway.domain;

import dev.aigateway.domain.error.GatewayException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One text a model reads (an embedding input, a completion prompt): written out, or already split into the model's
 * token ids, as OpenAI's API accepts both. Which of them a provider can send is the provider's business.
 */
public sealed interface TextInput {

    /** The text, when it is written out. */
    Optional<String> asText();

    /** A written-out text. */
    record Text(String text) implements TextInput {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public Optional<String> asText() {
            return Optional.of(text);
        }
    }

    /** Token ids of the model's tokenizer. */
    record Tokens(List<Integer> ids) implements TextInput {
        public Tokens {
            ids = List.copyOf(ids);
            if (ids.isEmpty()) {
                throw GatewayException.invalid("a token array must hold at least one token", "input");
            }
        }

        @Override
        public Optional<String> asText() {
            return Optional.empty();
        }
    }

    /** Written-out texts, in order. */
    static List<TextInput> texts(List<String> texts) {
        return texts.stream().<TextInput>map(Text::new).toList();
    }
}
