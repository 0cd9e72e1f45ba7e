package dev.aigateway.adapters.openai;

import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.egress.UpstreamUrls;
import java.net.URI;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where each route type goes on OpenAI's API; Kong's {@code upstream_url} / {@code upstream_path} rules apply. */
final class OpenAiEndpoints {
    static final URI OPENAI_CLOUD = URI.create("https://api.openai.com");

    private static final Map<RouteType, String> PATHS = new EnumMap<>(Map.of(
            RouteType.CHAT, "/v1/chat/completions",
            RouteType.EMBEDDINGS, "/v1/embeddings",
            RouteType.COMPLETIONS, "/v1/completions"));

    /** The route types with an endpoint, and {@code preserve}, which forwards to any path. */
    static final Set<RouteType> SERVED = Set.copyOf(EnumSet.of(RouteType.PRESERVE, PATHS.keySet().toArray(
            RouteType[]::new)));

    private static final String MODELS_PATH = "/v1/models";

    private OpenAiEndpoints() { }

    static URI resolve(UpstreamTarget target, RouteType type) {
        return UpstreamUrls.resolve(target, OPENAI_CLOUD, PATHS.get(type));
    }

    static URI models(UpstreamTarget target) {
        return UpstreamUrls.onHost(target, OPENAI_CLOUD, MODELS_PATH);
    }

    /**
     * The chat field a token limit goes in: OpenAI's own API takes {@code max_completion_tokens} for every chat
     * model and its reasoning models refuse {@code max_tokens}; the servers that speak its API elsewhere (vLLM,
     * llama.cpp, LM Studio) all take {@code max_tokens}, not all the newer name.
     */
    static String maxTokensField(UpstreamTarget target) {
        boolean openAiItself = target.upstreamUrl().map(url -> OPENAI_CLOUD.getHost().equalsIgnoreCase(url.getHost()))
                .orElse(true);
        return openAiItself ? "max_completion_tokens" : "max_tokens";
    }

    static URI passthrough(UpstreamTarget target, String pathAndQuery) {
        return UpstreamUrls.passthrough(target, OPENAI_CLOUD, pathAndQuery);
    }
}
