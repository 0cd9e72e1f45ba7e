package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAI's {@code stream_options}, which stays at the ingress: it shapes the stream the client receives. */
final class StreamOptions {

    private StreamOptions() { }

    /** Whether the client asked for a closing usage-only chunk; validated even when the request does not stream. */
    static boolean includeUsage(ObjectNode body) {
        JsonNode options = body.get("stream_options");
        if (WireFields.absent(options)) {
            return false;
        }
        return WireFields.bool(WireFields.object(options, "stream_options"), "include_usage",
                "stream_options.include_usage").orElse(false);
    }
}
