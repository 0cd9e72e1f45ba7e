package dev.aigateway.adapters.http;

import dev.aigateway.domain.route.Route;
import dev.aigateway.ports.CompletionUseCase;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code POST} on a legacy completions route: OpenAI {@code /v1/completions} in, {@code text_completion} out. */
final class CompletionsHandler implements Handler {
    private final Route route;
    private final CompletionUseCase completions;
    private final OpenAiJson json;
    private final OpenStreams streams;
    private final Observations observations;

    CompletionsHandler(Route route, CompletionUseCase completions, OpenAiJson json, OpenStreams streams,
                Observations observations) {
        this.streams = streams;
        this.observations = observations;
        this.route = route;
        this.completions = completions;
        this.json = json;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        JsonExchange exchange = JsonExchange.read(request, route, json);
        OpenAiTextCompletionMapper.Incoming incoming = OpenAiTextCompletionMapper.fromWire(exchange.body(), json.limits());
        ExchangeMeter meter = new ExchangeMeter(route, exchange.requestId(), "text_completion", incoming.request().model(),
                observations);
        new HttpChatResponder(response, route, json, AnswerShape.TEXT_COMPLETION, incoming.includeUsage(), streams,
                meter)
                .answer(responder -> completions.complete(route, incoming.request(), exchange.context(meter::served),
                        responder));
    }
}
