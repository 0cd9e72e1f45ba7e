package dev.aigateway.adapters.otel;

import dev.aigateway.domain.Tunable;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.error.GatewayError;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The attribute names of the OpenTelemetry GenAI semantic conventions the gateway's spans carry, with the gateway's
 * own under {@code aigateway.*}, and the pure functions that turn the core's values into theirs.
 */
final class GenAiAttributes {
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<Double> TEMPERATURE = AttributeKey.doubleKey("gen_ai.request.temperature");
    static final AttributeKey<Double> TOP_P = AttributeKey.doubleKey("gen_ai.request.top_p");
    static final AttributeKey<Long> TOP_K = AttributeKey.longKey("gen_ai.request.top_k");
    static final AttributeKey<Long> MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
    static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
    static final AttributeKey<List<String>> FINISH_REASONS =
            AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<Long> CACHED_INPUT_TOKENS =
            AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens");
    static final AttributeKey<Double> TIME_TO_FIRST_CHUNK =
            AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("aigateway.route");
    static final AttributeKey<String> CONSUMER = AttributeKey.stringKey("aigateway.consumer");
    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("aigateway.request_id");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("aigateway.outcome");
    static final AttributeKey<Long> TARGET = AttributeKey.longKey("aigateway.target");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("aigateway.attempt");
    static final AttributeKey<Boolean> FAILOVER = AttributeKey.booleanKey("aigateway.failover");
    static final AttributeKey<Double> COST = AttributeKey.doubleKey("aigateway.cost");
    /** The event a streamed answer's first chunk is marked with. */
    static final String FIRST_CHUNK_EVENT = "gen_ai.first_chunk";

    /** The conventions' names for the providers whose gateway id differs; any other provider keeps its id. */
    private static final Map<String, String> PROVIDER_NAMES = Map.of("mistral", "mistral_ai");

    private GenAiAttributes() { }

    /** The {@code gen_ai.provider.name} of a provider id, e.g. {@code mistral_ai} for {@code mistral}. */
    static String providerName(String providerId) {
        return PROVIDER_NAMES.getOrDefault(providerId, providerId);
    }

    /**
     * The low-cardinality {@code error.type} of an error: the upstream's status for an upstream refusal, otherwise
     * the kind of error in snake case, e.g. {@code upstream_timeout}.
     */
    static String errorType(GatewayError error) {
        if (error instanceof GatewayError.UpstreamRejected rejected) {
            return Integer.toString(rejected.status());
        }
        return error.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** The span's name by the conventions: the operation, then the model when there is one. */
    static String spanName(String operation, String model) {
        return model.isEmpty() ? operation : operation + " " + model;
    }

    static void sampling(Span span, Optional<? extends Tunable<?>> sampling) {
        sampling.ifPresent(values -> {
            values.temperature().ifPresent(t -> span.setAttribute(TEMPERATURE, t));
            values.topP().ifPresent(p -> span.setAttribute(TOP_P, p));
            values.topK().ifPresent(k -> span.setAttribute(TOP_K, (long) k));
            values.maxTokens().ifPresent(m -> span.setAttribute(MAX_TOKENS, (long) m));
        });
    }

    static void usage(Span span, Optional<Usage> usage) {
        usage.ifPresent(u -> {
            span.setAttribute(INPUT_TOKENS, (long) u.promptTokens());
            span.setAttribute(OUTPUT_TOKENS, (long) u.completionTokens());
            if (u.cachedPromptTokens() > 0) {
                span.setAttribute(CACHED_INPUT_TOKENS, (long) u.cachedPromptTokens());
            }
        });
    }

    static void answer(Span span, Optional<String> responseModel, Optional<String> responseId,
                       List<String> finishReasons, Optional<Duration> timeToFirstChunk) {
        responseModel.ifPresent(model -> span.setAttribute(RESPONSE_MODEL, model));
        responseId.ifPresent(id -> span.setAttribute(RESPONSE_ID, id));
        if (!finishReasons.isEmpty()) {
            span.setAttribute(FINISH_REASONS, finishReasons);
        }
        timeToFirstChunk.ifPresent(t -> span.setAttribute(TIME_TO_FIRST_CHUNK, t.toNanos() / 1e9));
    }

    /** {@code server.address} and {@code server.port} of a configured upstream URL. */
    static void server(Span span, URI url) {
        if (url.getHost() != null) {
            span.setAttribute(SERVER_ADDRESS, url.getHost());
            int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
            span.setAttribute(SERVER_PORT, (long) port);
        }
    }
}
