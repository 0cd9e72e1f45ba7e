package dev.aigateway.adapters.http;

import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.route.Route;
import dev.aigateway.ports.ChatCompletionUseCase;
import dev.aigateway.ports.ClientGoneException;
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
        IncomingChat incoming = OpenAiChatRequestMapper.fromWire(
                json.readObject(RequestBodies.read(request, route.maxRequestBodyBytes())));
        HttpChatResponder responder = new HttpChatResponder(response, route, json, incoming.includeUsage());
        try {
            chat.chat(route, incoming.request(), responder);
            responder.finish();
        } catch (GatewayException e) {
            if (!responder.streaming()) {
                throw e;
            }
            responder.fail(e.error());
        } catch (ClientGoneException e) {
            // The client left mid-stream; the provider has released the upstream stream.
        }
    }
}
