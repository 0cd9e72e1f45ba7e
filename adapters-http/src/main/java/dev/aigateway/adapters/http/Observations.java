package dev.aigateway.adapters.http;

import static dev.aigateway.adapters.http.OpenAiJson.NODES;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.route.RouteAnalytics;
import java.lang.System.Logger.Level;

/**
 * Where answered requests are reported: the metrics always, and, for routes with {@code log_statistics}, one JSON
 * log line in Kong's layout ({@code ai.proxy.meta}, {@code ai.proxy.usage}) on the logger {@value #LOGGER}.
 */
final class Observations {
    static final String LOGGER = "dev.aigateway.analytics";
    private static final System.Logger LOG = System.getLogger(LOGGER);

    private final GatewayMetrics metrics;
    private final OpenAiJson json;

    Observations(GatewayMetrics metrics, OpenAiJson json) {
        this.metrics = metrics;
        this.json = json;
    }

    void record(RouteAnalytics analytics, ExchangeRecord exchange) {
        metrics.record(exchange);
        if (analytics.logStatistics()) {
            LOG.log(Level.INFO, new String(json.write(logLine(exchange)), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    static ObjectNode logLine(ExchangeRecord exchange) {
        ObjectNode line = NODES.objectNode().put("request_id", exchange.requestId()).put("route", exchange.route())
                .put("status", exchange.status());
        ObjectNode proxy = line.putObject("ai").putObject("proxy");
        ObjectNode meta = proxy.putObject("meta")
                .put("provider_name", exchange.provider())
                .put("request_model", exchange.model())
                .put("response_model", exchange.responseModel().orElse(null))
                .put("llm_latency", exchange.upstreamLatency().toMillis())
                .put("request_mode", exchange.stream() ? "stream" : "oneshot")
                .put("route", exchange.route())
                .put("target", exchange.target())
                .put("attempts", exchange.attempts());
        if (exchange.aborted()) {
            meta.put("aborted", true);
        }
        ObjectNode usage = proxy.putObject("usage");
        exchange.usage().ifPresent(u -> usage.put("prompt_tokens", u.promptTokens())
                .put("completion_tokens", u.completionTokens()).put("total_tokens", u.totalTokens()));
        exchange.timeToFirstToken().ifPresent(t -> usage.put("time_to_first_token", t.toMillis()));
        exchange.timePerTokenMillis().ifPresent(t -> usage.put("time_per_token", t));
        exchange.cost().ifPresent(c -> usage.put("cost", c));
        return line;
    }
}
