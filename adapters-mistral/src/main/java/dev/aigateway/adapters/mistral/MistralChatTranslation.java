package dev.aigateway.adapters.mistral;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A chat request in Mistral's wire format, with the request fields left out because Mistral would refuse them.
 *
 * @param dropped names of the client's fields that were not sent, for a debug log
 */
record MistralChatTranslation(ObjectNode body, List<String> dropped) {
    MistralChatTranslation {
        dropped = List.copyOf(dropped);
    }
}
