package dev.aigateway.adapters.mistral;

import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.egress.UpstreamUrls;
import java.net.URI;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where each route type goes on Mistral's API; Kong's {@code upstream_url} / {@code upstream_path} rules apply. */
final class MistralEndpoints {
    static final URI MISTRAL_CLOUD = URI.create("https://api.mistral.ai");

    private static final Map<RouteType, String> PATHS = new EnumMap<>(Map.of(
            RouteType.CHAT, "/v1/chat/completions",
            RouteType.EMBEDDINGS, "/v1/embeddings",
            RouteType.COMPLETIONS, "/v1/fim/completions"));

    private static final String MODELS_PATH = "/v1/models";

    private MistralEndpoints() { }

    /** The route types Mistral has an endpoint for, and {@code preserve}, which forwards to any of its paths. */
    static final Set<RouteType> SERVED = Set.copyOf(EnumSet.of(RouteType.PRESERVE, PATHS.keySet().toArray(
            RouteType[]::new)));

    /** The model list of the target's host. */
    static URI models(UpstreamTarget target) {
        return UpstreamUrls.onHost(target, MISTRAL_CLOUD, MODELS_PATH);
    }

    static URI passthrough(UpstreamTarget target, String pathAndQuery) {
        return UpstreamUrls.passthrough(target, MISTRAL_CLOUD, pathAndQuery);
    }

    static URI resolve(UpstreamTarget target, RouteType type) {
        String defaultPath = PATHS.get(type);
        if (defaultPath == null) {
            throw new IllegalArgumentException("Mistral has no endpoint for route type " + type.configName());
        }
        return UpstreamUrls.resolve(target, MISTRAL_CLOUD, defaultPath);
    }
}
