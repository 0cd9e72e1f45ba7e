package dev.aigateway.ports;

import dev.aigateway.domain.model.ModelInfo;
import java.util.List;

/** Lists the models the gateway's routes can serve. */
public interface ModelListUseCase {

    /**
     * The models, each once: the routes' fixed models, and the upstream's list for routes that take the model
     * from the request.
     *
     * @throws dev.aigateway.domain.error.GatewayException when an upstream list cannot be fetched
     */
    List<ModelInfo> models();
}
