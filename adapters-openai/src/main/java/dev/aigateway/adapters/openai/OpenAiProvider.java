package dev.aigateway.adapters.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.completion.CompletionRequest;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.model.ModelInfo;
import dev.aigateway.domain.passthrough.PassthroughRequest;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.ServerSentEvents;
import dev.aigateway.egress.Translation;
import dev.aigateway.egress.UpstreamHttp;
import dev.aigateway.ports.Cancellation;
import dev.aigateway.ports.ChunkSink;
import dev.aigateway.ports.PassthroughResponder;
import dev.aigateway.ports.UpstreamProvider;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** OpenAI, or a server that speaks its API, as an upstream: requests in OpenAI's own dialect, answers read back. */
final class OpenAiProvider implements UpstreamProvider {
    /** How errors name this upstream to clients. */
    static final String NAME = "OpenAI";

    private final UpstreamHttp http;
    private final ObjectMapper json;
    private final OpenAiErrorMapper errors;

    OpenAiProvider(UpstreamHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
        this.errors = new OpenAiErrorMapper(json);
    }

    @Override
    public Set<RouteType> routeTypes() {
        return OpenAiEndpoints.SERVED;
    }

    @Override
    public boolean listsModels() {
        return true;
    }

    @Override
    public ChatResponse chat(UpstreamTarget target, ChatRequest request) {
        return OpenAiResponseMapper.chatResponse(exchange(target, RouteType.CHAT,
                OpenAiRequestMapper.chat(request, OpenAiEndpoints.maxTokensField(target)).logged(NAME).body()));
    }

    @Override
    public void streamChat(UpstreamTarget target, ChatRequest request, ChunkSink sink, Cancellation cancellation) {
        stream(target, RouteType.CHAT, OpenAiRequestMapper.chat(request, OpenAiEndpoints.maxTokensField(target))
                .logged(NAME), sink, cancellation);
    }

    @Override
    public ChatResponse complete(UpstreamTarget target, CompletionRequest request) {
        return OpenAiResponseMapper.chatResponse(exchange(target, RouteType.COMPLETIONS,
                OpenAiRequestMapper.completion(request).body()));
    }

    @Override
    public void streamComplete(UpstreamTarget target, CompletionRequest request, ChunkSink sink,
                               Cancellation cancellation) {
        stream(target, RouteType.COMPLETIONS, OpenAiRequestMapper.completion(request), sink, cancellation);
    }

    @Override
    public EmbeddingResponse embed(UpstreamTarget target, EmbeddingRequest request) {
        return OpenAiResponseMapper.embeddingResponse(json, exchangeBody(target, RouteType.EMBEDDINGS,
                OpenAiRequestMapper.embedding(request)));
    }

    @Override
    public List<ModelInfo> listModels(UpstreamTarget target) {
        return OpenAiResponseMapper.models(accepted(http.get(OpenAiEndpoints.models(target), target)));
    }

    @Override
    public void forward(UpstreamTarget target, PassthroughRequest request, PassthroughResponder responder) {
        http.relay(OpenAiEndpoints.passthrough(target, request.pathAndQuery()), target, request, responder);
    }

    private void stream(UpstreamTarget target, RouteType type, Translation translation, ChunkSink sink,
                        Cancellation cancellation) {
        OpenAiStreamAssembler assembler = new OpenAiStreamAssembler(sink::accept);
        Optional<UpstreamHttp.Reply> refused = http.postStreaming(OpenAiEndpoints.resolve(target, type), target,
                "text/event-stream", JsonTrees.requestBody(json, target, translation.body()), cancellation::onCancel,
                (status, headers, body) -> {
                    boolean done = ServerSentEvents.read(body, data -> assembler.accept(
                            JsonTrees.parseObject(json, data, NAME)), sink::flush);
                    if (!done) {
                        throw OpenAiResponseMapper.protocolError("a stream that ended before [DONE]");
                    }
                    assembler.end();
                });
        refused.ifPresent(reply -> {
            throw new GatewayException(errors.toError(reply));
        });
    }

    private JsonNode exchange(UpstreamTarget target, RouteType type, ObjectNode body) {
        return JsonTrees.parseObject(json, exchangeBody(target, type, body), NAME);
    }

    private byte[] exchangeBody(UpstreamTarget target, RouteType type, ObjectNode body) {
        return http.post(OpenAiEndpoints.resolve(target, type), target, JsonTrees.requestBody(json, target, body))
                .acceptedBody(errors::toError);
    }

    private JsonNode accepted(UpstreamHttp.Reply reply) {
        return JsonTrees.parseObject(json, reply.acceptedBody(errors::toError), NAME);
    }
}
