package dev.aigateway.adapters.mistral;

import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.UpstreamTarget;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumMap;
import java.util.Map;

/** Where each route type goes on Mistral's API, and how a route's {@code upstream_url} / {@code upstream_path} change it. */
final class MistralEndpoints {
    static final URI MISTRAL_CLOUD = URI.create("https://api.mistral.ai");

    private static final Map<RouteType, String> PATHS = new EnumMap<>(Map.of(
            RouteType.CHAT, "/v1/chat/completions",
            RouteType.EMBEDDINGS, "/v1/embeddings",
            RouteType.COMPLETIONS, "/v1/fim/completions"));

    private static final String MODELS_PATH = "/v1/models";

    private MistralEndpoints() { }

    /** The model list of the target's host. */
    static URI models(UpstreamTarget target) {
        return onHost(target, MODELS_PATH);
    }

    /**
     * A {@code preserve} route's upstream: the client's own path and query on the target's host (the path of
     * {@code upstream_url}, if any, is not used).
     */
    static URI passthrough(UpstreamTarget target, String pathAndQuery) {
        return onHost(target, "").resolve(pathAndQuery);
    }

    private static URI onHost(UpstreamTarget target, String path) {
        URI base = target.upstreamUrl().orElse(MISTRAL_CLOUD);
        try {
            return new URI(base.getScheme(), base.getRawUserInfo(), base.getHost(), portOf(base), path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build the upstream URL from " + base, e);
        }
    }

    private static int portOf(URI base) {
        return base.getPort() != -1 ? base.getPort() : "http".equalsIgnoreCase(base.getScheme()) ? 80 : 443;
    }

    /**
     * The upstream URI for a route type. An {@code upstream_url} with a path is used as it is (Kong's meaning);
     * one without a path gets the route type's default path; {@code upstream_path} replaces the path. A URL
     * without a port gets its scheme's (Kong would use 443 even for http).
     */
    static URI resolve(UpstreamTarget target, RouteType type) {
        String defaultPath = PATHS.get(type);
        if (defaultPath == null) {
            throw new IllegalArgumentException("Mistral has no endpoint for route type " + type.configName());
        }
        URI base = target.upstreamUrl().orElse(MISTRAL_CLOUD);
        String basePath = base.getRawPath() == null || base.getRawPath().isEmpty() || base.getRawPath().equals("/")
                ? defaultPath : base.getRawPath();
        String path = target.upstreamPath().orElse(basePath);
        try {
            return new URI(base.getScheme(), base.getRawUserInfo(), base.getHost(), portOf(base), path,
                    base.getRawQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build the upstream URL from " + base + " and " + path, e);
        }
    }
}
