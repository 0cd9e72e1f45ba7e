package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.Secret;
import dev.aigateway.ports.CompletionUseCase;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/** {@code POST} on a legacy completions route: OpenAI {@code /v1/completions} in, {@code text_completion} out. */
final class CompletionsHandler implements Handler {
    private final Route route;
    private final CompletionUseCase completions;
    private final OpenAiJson json;

    CompletionsHandler(Route route, CompletionUseCase completions, OpenAiJson json) {
        this.route = route;
        this.completions = completions;
        this.json = json;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        ObjectNode body = json.readObject(RequestBodies.read(request, route.maxRequestBodyBytes()));
        Optional<Secret> clientCredential = ClientCredentials.take(request, body, route);
        OpenAiTextCompletionMapper.Incoming incoming = OpenAiTextCompletionMapper.fromWire(body);
        new HttpChatResponder(response, route, json, AnswerShape.TEXT_COMPLETION, incoming.includeUsage())
                .answer(responder -> completions.complete(route, incoming.request(), clientCredential, responder));
    }
}
