package dev.aigateway.adapters.mistral;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.json.JsonValue;
import java.util.Optional;

/** Writes the domain's opaque JSON as Jackson trees and reads optional members of Mistral's answers. */
final class MistralJson {
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private MistralJson() { }

    static ObjectMapper newMapper() {
        // Buffers shared by all threads: Jackson's default keeps them per thread, and every request runs on a new
        // virtual thread, so they would be allocated afresh each time and held as long as a stream lasts.
        return new ObjectMapper(JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
                .build()).setNodeFactory(NODES);
    }

    static JsonNode toNode(JsonValue value) {
        return switch (value) {
            case JsonValue.JsonNull ignored -> NODES.nullNode();
            case JsonValue.JsonBool b -> NODES.booleanNode(b.value());
            case JsonValue.JsonNumber n -> NODES.numberNode(n.value());
            case JsonValue.JsonString s -> NODES.textNode(s.value());
            case JsonValue.JsonArray a -> {
                ArrayNode array = NODES.arrayNode();
                a.items().forEach(item -> array.add(toNode(item)));
                yield array;
            }
            case JsonValue.JsonObject o -> {
                ObjectNode object = NODES.objectNode();
                o.members().forEach((name, member) -> object.set(name, toNode(member)));
                yield object;
            }
        };
    }

    /** The member's text, when it is a string. */
    static Optional<String> text(JsonNode node, String member) {
        JsonNode value = node.path(member);
        return value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }
}
