package dev.aigateway.adapters.http;

import static dev.aigateway.adapters.http.OpenAiJson.NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.model.ModelInfo;
import dev.aigateway.ports.ModelListUseCase;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code GET /v1/models}: the models the routes serve, in OpenAI's list shape. */
final class ModelsHandler implements Handler {
    static final String PATH = "/v1/models";

    private final ModelListUseCase models;
    private final OpenAiJson json;

    ModelsHandler(ModelListUseCase models, OpenAiJson json) {
        this.models = models;
        this.json = json;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        ObjectNode list = NODES.objectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        for (ModelInfo model : models.models()) {
            data.addObject().put("id", model.id()).put("object", "model").put("created", model.created())
                    .put("owned_by", model.ownedBy());
        }
        Replies.sendJson(response, 200, json.write(list));
    }
}
