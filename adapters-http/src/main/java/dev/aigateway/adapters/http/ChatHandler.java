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

    ChatHandler(Route route, ChatCompletionUseCase chat, OpenAiJson json) {
        this.route = route;
        this.chat = chat;
        this.json = json;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        JsonExchange exchange = JsonExchange.read(request, route, json);
        IncomingChat incoming = OpenAiChatRequestMapper.fromWire(exchange.body(), json.limits());
        new HttpChatResponder(response, route, json, AnswerShape.CHAT, incoming.includeUsage())
                .answer(responder -> chat.chat(route, incoming.request(), exchange.clientCredential(), responder));
    }
}
