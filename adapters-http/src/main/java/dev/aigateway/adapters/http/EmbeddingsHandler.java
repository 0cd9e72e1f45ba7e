package dev.aigateway.adapters.http;

import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.route.Route;
import dev.aigateway.ports.EmbeddingUseCase;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code POST} on an embeddings route. */
final class EmbeddingsHandler implements Handler {
    private final Route route;
    private final EmbeddingUseCase embeddings;
    private final OpenAiJson json;
    private final Observations observations;

    EmbeddingsHandler(Route route, EmbeddingUseCase embeddings, OpenAiJson json, Observations observations) {
        this.observations = observations;
        this.route = route;
        this.embeddings = embeddings;
        this.json = json;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        JsonExchange exchange = JsonExchange.read(request, route, json);
        IncomingEmbeddings incoming = OpenAiEmbeddingMapper.fromWire(exchange.body(), json.limits());
        ExchangeMeter meter = new ExchangeMeter(route, exchange.requestId(), "embeddings", incoming.request().model(),
                observations);
        meter.upstreamStarted();
        EmbeddingResponse answer;
        try {
            answer = embeddings.embed(route, incoming.request(), exchange.context(meter::served));
        } catch (GatewayException e) {
            meter.finish(OpenAiErrors.reply(e.error()).status(), false);
            throw e;
        }
        meter.answered(answer.model(), answer.usage());
        meter.answerHeaders(response, answer.model());
        Replies.sendJson(response, 200, json.write(OpenAiEmbeddingMapper.toWire(answer, incoming.base64())));
        meter.finish(200, false);
    }
}
