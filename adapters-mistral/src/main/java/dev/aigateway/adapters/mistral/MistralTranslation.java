package dev.aigateway.adapters.mistral;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A request in Mistral's wire format, with the request fields left out because Mistral would refuse them.
 *
 * @param dropped names of the client's fields that were not sent, for a debug log
 */
record MistralTranslation(ObjectNode body, List<String> dropped) {
    MistralTranslation {
        dropped = List.copyOf(dropped);
    }
}
