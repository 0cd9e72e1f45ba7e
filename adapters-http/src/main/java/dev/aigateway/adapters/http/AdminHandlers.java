package dev.aigateway.adapters.http;

import static dev.aigateway.adapters.http.OpenAiJson.NODES;

import dev.aigateway.ports.ConfigReload;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import java.util.Optional;

/**
 * The admin listener's API: {@code POST /config} applies the configuration in the body (YAML or JSON, as Kong's
 * DB-less {@code /config} takes it), or, with an empty body, reads the configuration's source again. 200 with the
 * generation now serving; 400 naming the field when the configuration is refused, the previous one serving on.
 */
final class AdminHandlers {
    static final String CONFIG_PATH = "/config";
    /** A configuration document is small; a larger body is refused before it is read. */
    static final long MAX_CONFIG_BYTES = 16 * 1024 * 1024;

    private AdminHandlers() { }

    static void register(HttpRouting.Builder routing, ConfigReload reload, OpenAiJson json) {
        routing.post(CONFIG_PATH, (req, res) -> {
            byte[] body = RequestBodies.readIfAny(req, MAX_CONFIG_BYTES);
            ConfigReload.Outcome outcome = reload.reload(body.length == 0 ? Optional.empty() : Optional.of(body));
            if (outcome.applied()) {
                Replies.sendJson(res, Status.OK_200.code(), json.write(NODES.objectNode()
                        .put("generation", outcome.generation()).put("message", outcome.message())));
            } else {
                Replies.sendError(res, json, OpenAiErrors.http(400, outcome.message(), "invalid_config"));
            }
        });
        routing.any((req, res) -> Replies.sendError(res, json, OpenAiErrors.http(404,
                "the admin listener serves POST " + CONFIG_PATH, "not_found")));
    }
}
