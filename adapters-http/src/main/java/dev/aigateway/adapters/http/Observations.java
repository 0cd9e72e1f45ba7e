package dev.aigateway.adapters.http;

import static dev.aigateway.adapters.http.OpenAiJson.NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.route.RouteTarget;
import dev.aigateway.ports.Exchange;
import dev.aigateway.ports.ExchangeObserver;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

/**
 * Where exchanges are reported: the metrics always, and, for targets with {@code log_statistics} or
 * {@code log_payloads}, one JSON log line in Kong's layout ({@code ai.proxy.meta}, {@code ai.proxy.usage},
 * {@code ai.proxy.payload}) on the logger {@value #LOGGER}.
 */
final class Observations implements ExchangeObserver {
    static final String LOGGER = "dev.aigateway.analytics";
    private static final System.Logger LOG = System.getLogger(LOGGER);

    private final GatewayMetrics metrics;
    private final OpenAiJson json;

    Observations(GatewayMetrics metrics, OpenAiJson json) {
        this.metrics = metrics;
        this.json = json;
    }

    @Override
    public void observed(Exchange exchange) {
        int status = status(exchange);
        metrics.record(exchange, status, exchange.route().type().operationName());
        if (exchange.served().target().analytics().logsLine()) {
            LOG.log(Level.INFO, new String(json.write(logLine(exchange, status)), StandardCharsets.UTF_8));
        }
    }

    /** The status the client got: an answer that started is a 200 however it ended. */
    static int status(Exchange exchange) {
        return exchange.outcome() == Exchange.Outcome.FAILED
                ? exchange.error().map(error -> OpenAiErrors.reply(error).status()).orElse(500) : 200;
    }

    static ObjectNode logLine(Exchange exchange, int status) {
        ObjectNode line = NODES.objectNode().put("request_id", exchange.requestId())
                .put("route", exchange.route().name()).put("status", status);
        exchange.consumer().ifPresent(consumer -> line.putObject("consumer").put("username", consumer.username()));
        exchange.traceId().ifPresent(id -> line.put("trace_id", id));
        ObjectNode proxy = line.putObject("ai").putObject("proxy");
        ObjectNode meta = proxy.putObject("meta")
                .put("provider_name", exchange.served().target().upstream().provider())
                .put("request_model", exchange.model())
                .put("response_model", exchange.responseModel().orElse(null))
                .put("llm_latency", exchange.latency().toMillis())
                .put("request_mode", exchange.stream() ? "stream" : "oneshot")
                .put("route", exchange.route().name())
                .put("target", exchange.served().index())
                .put("attempts", exchange.served().attempts());
        if (exchange.outcome() == Exchange.Outcome.ABORTED) {
            meta.put("aborted", true);
        }
        if (exchange.limitsUnchecked()) {
            meta.put("limits_unchecked", true);
        }
        if (exchange.upstreamCalls() > 1) {
            meta.put("upstream_calls", exchange.upstreamCalls());
        }
        ArrayNode tried = meta.putArray("tried_targets");
        for (int index : exchange.triedTargets()) {
            RouteTarget target = exchange.route().targets().get(index);
            ObjectNode entry = tried.addObject().put("target", index)
                    .put("provider", target.upstream().provider());
            target.policy().model().fixedName().ifPresent(model -> entry.put("model", model));
            target.upstream().upstreamUrl().ifPresent(url -> entry.put("host", url.getHost()));
        }
        ObjectNode usage = proxy.putObject("usage");
        exchange.usage().ifPresent(u -> {
            usage.put("prompt_tokens", u.promptTokens()).put("completion_tokens", u.completionTokens())
                    .put("total_tokens", u.totalTokens());
            if (u.cachedPromptTokens() > 0) {
                usage.put("cached_tokens", u.cachedPromptTokens());
            }
            if (u.reasoningTokens() > 0) {
                usage.put("reasoning_tokens", u.reasoningTokens());
            }
            if (u.pagesProcessed() > 0) {
                usage.put("pages_processed", u.pagesProcessed());
            }
            if (u.promptAudioSeconds() > 0) {
                usage.put("prompt_audio_seconds", u.promptAudioSeconds());
            }
        });
        exchange.timeToFirstToken().ifPresent(t -> usage.put("time_to_first_token", t.toMillis()));
        exchange.timePerTokenMillis().ifPresent(t -> usage.put("time_per_token", t));
        exchange.cost().ifPresent(c -> usage.put("cost", c));
        if (exchange.served().target().analytics().logPayloads()) {
            ObjectNode payload = proxy.putObject("payload");
            exchange.payloads().request().ifPresent(request -> payload.put("request", request));
            exchange.payloads().response().ifPresent(response -> payload.put("response", response));
        }
        return line;
    }
}
