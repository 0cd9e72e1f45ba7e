package dev.aigateway.adapters.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.route.Route;
import dev.aigateway.ports.Answered;
import dev.aigateway.ports.RequestContext;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code POST} on a chat, completions or embeddings route: the JSON body read within the route's limits, the client's
 * credential taken out, and the route type's operation run on it.
 */
final class JsonRouteHandler implements Handler {
    private final Route route;
    private final OpenAiJson json;
    private final OpenStreams streams;
    private final Operation operation;
    private final boolean logsPayloads;
    private final HeadersRead headersRead;

    /** What a route type does with a request: map it, call its use case, answer in its OpenAI shape. */
    @FunctionalInterface
    interface Operation {
        void serve(ObjectNode body, RequestContext context, HttpAnswer answer);
    }

    JsonRouteHandler(Route route, OpenAiJson json, OpenStreams streams, Operation operation) {
        this.route = route;
        this.json = json;
        this.streams = streams;
        this.operation = operation;
        this.logsPayloads = route.targets().stream().anyMatch(target -> target.analytics().logPayloads());
        this.headersRead = new HeadersRead(route);
    }

    /** The operation of each JSON route type, on the use cases given. */
    static Operation operation(Route route, UseCases useCases, OpenAiJson json) {
        return switch (route.type()) {
            case CHAT -> (body, context, answer) -> {
                IncomingChat incoming = OpenAiChatRequestMapper.fromWire(body, json.limits());
                new HttpChatResponder(answer, AnswerShape.CHAT, incoming.includeUsage()).answer(responder ->
                        useCases.chat().chat(route, incoming.request(), context, responder));
            };
            case COMPLETIONS -> (body, context, answer) -> {
                OpenAiTextCompletionMapper.Incoming incoming = OpenAiTextCompletionMapper.fromWire(body, json.limits());
                new HttpChatResponder(answer, AnswerShape.TEXT_COMPLETION, incoming.includeUsage()).answer(responder ->
                        useCases.completions().complete(route, incoming.request(), context, responder));
            };
            case EMBEDDINGS -> (body, context, answer) -> {
                IncomingEmbeddings incoming = OpenAiEmbeddingMapper.fromWire(body, json.limits());
                answer.upstreamStarted();
                Answered<EmbeddingResponse> embedded = useCases.embeddings().embed(route, incoming.request(), context);
                answer.sendJson(embedded.served(), embedded.answer().model(),
                        OpenAiEmbeddingMapper.toWire(embedded.answer(), incoming.base64()));
            };
            default -> throw new IllegalArgumentException(route.type().configName()
                    + " routes relay bodies in the provider's own API");
        };
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        AnswerHeaders headers = new AnswerHeaders(route, System.nanoTime());
        JsonExchange exchange = JsonExchange.read(request, route, headersRead, json);
        ClientCancellation cancellation = new ClientCancellation();
        PayloadCapture payloads = logsPayloads ? PayloadCapture.keeping(json.write(exchange.body()))
                : PayloadCapture.NONE;
        operation.serve(exchange.body(), exchange.context(cancellation,
                        windows -> LimitHeaders.of(windows).forEach(response::header), payloads),
                new HttpAnswer(response, headers, json, streams, cancellation, payloads));
    }
}
