package dev.aigateway.adapters.ollama;

import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.egress.UpstreamUrls;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** Where each route type goes on Ollama's native API; Kong's {@code upstream_url} / {@code upstream_path} rules apply. */
final class OllamaEndpoints {
    /** Ollama's own default address. */
    static final URI LOCAL_OLLAMA = URI.create("http://localhost:11434");

    private static final Map<RouteType, String> PATHS = new EnumMap<>(Map.of(
            RouteType.CHAT, "/api/chat",
            RouteType.EMBEDDINGS, "/api/embed"));

    static final Set<RouteType> SERVED = Set.copyOf(PATHS.keySet());

    private static final String MODELS_PATH = "/api/tags";

    private OllamaEndpoints() { }

    static URI resolve(UpstreamTarget target, RouteType type) {
        String defaultPath = PATHS.get(type);
        if (defaultPath == null) {
            throw new IllegalArgumentException("Ollama has no endpoint for route type " + type.configName());
        }
        return UpstreamUrls.resolve(target, LOCAL_OLLAMA, defaultPath);
    }

    /** The model list of the target's host. */
    static URI models(UpstreamTarget target) {
        return UpstreamUrls.onHost(target, LOCAL_OLLAMA, MODELS_PATH);
    }
}
