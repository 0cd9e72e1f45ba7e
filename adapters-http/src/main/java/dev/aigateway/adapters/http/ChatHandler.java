package dev.aigateway.adapters.http;

import dev.aigateway.domain.route.Route;
import dev.aigateway.ports.ChatCompletionUseCase;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code POST} on a chat route: OpenAI request in, answer or stream out. */
final class ChatHandler implements Handler {
    private final Route route;
    private final ChatCompletionUseCase chat;
    private final OpenAiJson json;
    private final OpenStreams streams;
    private final Observations observations;

    ChatHandler(Route route, ChatCompletionUseCase chat, OpenAiJson json, OpenStreams streams,
                Observations observations) {
        this.streams = streams;
        this.observations = observations;
        this.route = route;
        this.chat = chat;
        this.json = json;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        JsonExchange exchange = JsonExchange.read(request, route, json);
        IncomingChat incoming = OpenAiChatRequestMapper.fromWire(exchange.body(), json.limits());
        ExchangeMeter meter = new ExchangeMeter(route, exchange.requestId(), "chat", incoming.request().model(),
                observations);
        new HttpChatResponder(response, route, json, AnswerShape.CHAT, incoming.includeUsage(), streams, meter)
                .answer(responder -> chat.chat(route, incoming.request(), exchange.context(meter::served),
                        responder));
    }
}
