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

    /** The endpoints relayed in Mistral's own API on native routes; what follows a route's path is appended. */
    private static final Map<RouteType, String> NATIVE_PATHS = new EnumMap<>(Map.of(
            RouteType.MISTRAL_OCR, "/v1/ocr",
            RouteType.MISTRAL_MODERATIONS, "/v1/moderations",
            RouteType.MISTRAL_CHAT_MODERATIONS, "/v1/chat/moderations",
            RouteType.MISTRAL_CLASSIFICATIONS, "/v1/classifications",
            RouteType.MISTRAL_CHAT_CLASSIFICATIONS, "/v1/chat/classifications",
            RouteType.MISTRAL_AUDIO_TRANSCRIPTIONS, "/v1/audio/transcriptions",
            RouteType.MISTRAL_CONVERSATIONS, "/v1/conversations",
            RouteType.MISTRAL_FILES, "/v1/files",
            RouteType.MISTRAL_BATCH_JOBS, "/v1/batch/jobs"));

    private static final String MODELS_PATH = "/v1/models";

    private MistralEndpoints() { }

    /**
     * The route types Mistral has an endpoint for, its native ones, and {@code preserve}, which forwards to any of
     * its paths.
     */
    static final Set<RouteType> SERVED = served();

    private static Set<RouteType> served() {
        Set<RouteType> served = EnumSet.of(RouteType.PRESERVE);
        served.addAll(PATHS.keySet());
        served.addAll(NATIVE_PATHS.keySet());
        return Set.copyOf(served);
    }

    /** The model list of the target's host. */
    static URI models(UpstreamTarget target) {
        return UpstreamUrls.onHost(target, MISTRAL_CLOUD, MODELS_PATH);
    }

    static URI passthrough(UpstreamTarget target, String pathAndQuery) {
        return UpstreamUrls.passthrough(target, MISTRAL_CLOUD, pathAndQuery);
    }

    /**
     * A native route's upstream: the endpoint's path with what followed the route's path (e.g. a file's id) and
     * the query, on the target's host.
     */
    static URI nativeEndpoint(UpstreamTarget target, RouteType type, String rest) {
        String path = NATIVE_PATHS.get(type);
        if (path == null) {
            throw new IllegalArgumentException("Mistral has no native endpoint for route type " + type.configName());
        }
        return UpstreamUrls.passthrough(target, MISTRAL_CLOUD, path + rest);
    }

    static URI resolve(UpstreamTarget target, RouteType type) {
        String defaultPath = PATHS.get(type);
        if (defaultPath == null) {
            throw new IllegalArgumentException("Mistral has no endpoint for route type " + type.configName());
        }
        return UpstreamUrls.resolve(target, MISTRAL_CLOUD, defaultPath);
    }
}
