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
    private final Heartbeats heartbeats;

    ChatHandler(Route route, ChatCompletionUseCase chat, OpenAiJson json, Heartbeats heartbeats) {
        this.heartbeats = heartbeats;
        this.route = route;
        this.chat = chat;
        this.json = json;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        JsonExchange exchange = JsonExchange.read(request, route, json);
        IncomingChat incoming = OpenAiChatRequestMapper.fromWire(exchange.body(), json.limits());
        new HttpChatResponder(response, route, json, AnswerShape.CHAT, incoming.includeUsage(), heartbeats)
                .answer(responder -> chat.chat(route, incoming.request(), exchange.clientCredential(), responder));
    }
}
