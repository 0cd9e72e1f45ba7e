package dev.aigateway.adapters.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.model.ModelInfo;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.NdjsonLines;
import dev.aigateway.egress.Translation;
import dev.aigateway.egress.UpstreamHttp;
import dev.aigateway.ports.Cancellation;
import dev.aigateway.ports.ChunkSink;
import dev.aigateway.ports.UpstreamProvider;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Ollama's native API as an upstream: chat (whole, or NDJSON lines relayed as chunks), embeddings and its model list. */
final class OllamaProvider implements UpstreamProvider {
    /** How errors name this upstream to clients. */
    static final String NAME = "Ollama";

    private final UpstreamHttp http;
    private final ObjectMapper json;
    private final OllamaErrorMapper errors;

    OllamaProvider(UpstreamHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
        this.errors = new OllamaErrorMapper(json);
    }

    @Override
    public Set<RouteType> routeTypes() {
        return OllamaEndpoints.SERVED;
    }

    @Override
    public boolean listsModels() {
        return true;
    }

    @Override
    public ChatResponse chat(UpstreamTarget target, ChatRequest request) {
        Translation translation = OllamaChatRequestMapper.toOllama(request, json).logged(NAME);
        JsonNode answer = accepted(http.post(OllamaEndpoints.resolve(target, RouteType.CHAT), target,
                JsonTrees.requestBody(json, target, translation.body())));
        return OllamaResponseMapper.chatResponse(answer, newId());
    }

    @Override
    public void streamChat(UpstreamTarget target, ChatRequest request, ChunkSink sink, Cancellation cancellation) {
        Translation translation = OllamaChatRequestMapper.toOllama(request, json).logged(NAME);
        String id = newId();
        Optional<UpstreamHttp.Reply> refused = http.postStreaming(OllamaEndpoints.resolve(target, RouteType.CHAT),
                target, "application/x-ndjson", JsonTrees.requestBody(json, target, translation.body()),
                cancellation::onCancel, (status, headers, body) -> {
                    StreamState state = new StreamState();
                    NdjsonLines.read(body, line -> {
                        JsonNode node = JsonTrees.parseObject(json, line, NAME);
                        JsonTrees.text(node, "error").ifPresent(message -> {
                            throw OllamaResponseMapper.protocolError("an error in its stream: " + message);
                        });
                        sink.accept(OllamaResponseMapper.chatChunk(node, id, state.lines++ == 0));
                        state.done |= OllamaResponseMapper.done(node);
                    }, sink::flush);
                    if (!state.done) {
                        throw OllamaResponseMapper.protocolError("a stream that ended before its done line");
                    }
                });
        refused.ifPresent(reply -> {
            throw new GatewayException(errors.toError(reply));
        });
    }

    @Override
    public EmbeddingResponse embed(UpstreamTarget target, EmbeddingRequest request) {
        JsonNode answer = accepted(http.post(OllamaEndpoints.resolve(target, RouteType.EMBEDDINGS), target,
                JsonTrees.requestBody(json, target, OllamaEmbeddingRequestMapper.toOllama(request))));
        return OllamaResponseMapper.embeddingResponse(answer);
    }

    @Override
    public List<ModelInfo> listModels(UpstreamTarget target) {
        return OllamaResponseMapper.models(accepted(http.get(OllamaEndpoints.models(target), target)));
    }

    private JsonNode accepted(UpstreamHttp.Reply reply) {
        return JsonTrees.parseObject(json, reply.acceptedBody(errors::toError), NAME);
    }

    /** Ollama's answers carry no id; OpenAI's clients expect one, the same on every chunk of a stream. */
    private static String newId() {
        return "chatcmpl-" + UUID.randomUUID();
    }

    /** What a stream has shown so far. */
    private static final class StreamState {
        int lines;
        boolean done;
    }
}
