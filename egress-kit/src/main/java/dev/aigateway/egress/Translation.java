package dev.aigateway.egress;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * A request in a provider's wire format, with the client's fields the provider was not sent.
 *
 * @param dropped names of the client's fields left out, for a debug log
 */
public record Translation(ObjectNode body, List<String> dropped) {
    private static final System.Logger LOG = System.getLogger(Translation.class.getName());

    public Translation {
        dropped = List.copyOf(dropped);
    }

    /** Says at debug level which fields {@code upstreamName} was not sent, and returns this. */
    public Translation logged(String upstreamName) {
        if (!dropped.isEmpty()) {
            LOG.log(Level.DEBUG, () -> "not sent to " + upstreamName + ": " + String.join(", ", dropped));
        }
        return this;
    }
}
