package dev.aigateway.adapters.mistral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.completion.CompletionRequest;
import dev.aigateway.domain.embedding.EmbeddingBatches;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.model.ModelInfo;
import dev.aigateway.domain.passthrough.NativeAnswer;
import dev.aigateway.domain.passthrough.NativeRequest;
import dev.aigateway.domain.passthrough.PassthroughRequest;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.egress.AnswerTap;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.ServerSentEvents;
import dev.aigateway.egress.Translation;
import dev.aigateway.egress.UpstreamHttp;
import dev.aigateway.ports.Cancellation;
import dev.aigateway.ports.ChunkSink;
import dev.aigateway.ports.PassthroughResponder;
import dev.aigateway.ports.UpstreamProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** Mistral as an upstream: translates each request to Mistral's API, sends it, and reads the answer back. */
final class MistralProvider implements UpstreamProvider {
    /** How errors name this upstream to clients. */
    static final String NAME = "Mistral";

    /** Where Mistral's native answers name themselves: most by {@code id}, a conversation by its own id. */
    private static final Set<String> NATIVE_ID_FIELDS = Set.of("id", "conversation_id");
    /** Where they report usage: {@code usage}, or OCR's {@code usage_info}. */
    private static final Set<String> NATIVE_USAGE_FIELDS = Set.of("usage", "usage_info");

    private final UpstreamHttp http;
    private final ObjectMapper json;
    private final MistralErrorMapper errors;

    MistralProvider(UpstreamHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
        this.errors = new MistralErrorMapper(json);
    }

    @Override
    public Set<RouteType> routeTypes() {
        return MistralEndpoints.SERVED;
    }

    @Override
    public boolean listsModels() {
        return true;
    }

    @Override
    public ChatResponse chat(UpstreamTarget target, ChatRequest request) {
        Translation translation = MistralChatRequestMapper.toMistral(request).logged(NAME);
        return MistralResponseMapper.chatResponse(exchange(target, RouteType.CHAT, translation.body()));
    }

    @Override
    public void streamChat(UpstreamTarget target, ChatRequest request, ChunkSink sink, Cancellation cancellation) {
        stream(target, RouteType.CHAT, MistralChatRequestMapper.toMistral(request).logged(NAME), sink, cancellation);
    }

    @Override
    public ChatResponse complete(UpstreamTarget target, CompletionRequest request) {
        Translation translation = MistralFimRequestMapper.toMistral(request).logged(NAME);
        return MistralResponseMapper.chatResponse(exchange(target, RouteType.COMPLETIONS, translation.body()));
    }

    @Override
    public void streamComplete(UpstreamTarget target, CompletionRequest request, ChunkSink sink,
                               Cancellation cancellation) {
        stream(target, RouteType.COMPLETIONS, MistralFimRequestMapper.toMistral(request).logged(NAME), sink,
                cancellation);
    }

    /**
     * One call when the request fits Mistral's per-call limits; otherwise its batches, at most
     * {@code embedding_batch_concurrency} at once, answered as one response in the original order. The first
     * batch that fails fails the request with its error.
     */
    @Override
    public EmbeddingResponse embed(UpstreamTarget target, EmbeddingRequest request) {
        MistralOptions options = target.options() instanceof MistralOptions own ? own : MistralOptions.DEFAULTS;
        List<EmbeddingBatches.Batch> batches = options.batches().split(request);
        if (batches.size() == 1) {
            return embedOne(target, request);
        }
        Semaphore slots = new Semaphore(options.batchConcurrency());
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<EmbeddingResponse>> parts = new ArrayList<>();
            for (EmbeddingBatches.Batch batch : batches) {
                parts.add(calls.submit(() -> {
                    slots.acquire();
                    try {
                        return embedOne(target, batch.request());
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<EmbeddingResponse> answers = new ArrayList<>();
            for (Future<EmbeddingResponse> part : parts) {
                answers.add(answerOf(part, parts));
            }
            return EmbeddingResponse.merge(batches, answers);
        }
    }

    private EmbeddingResponse embedOne(UpstreamTarget target, EmbeddingRequest request) {
        ObjectNode body = MistralEmbeddingRequestMapper.toMistral(request);
        return MistralResponseMapper.embeddingResponse(json, exchangeBody(target, RouteType.EMBEDDINGS, body));
    }

    /** A batch's answer; its failure is the request's, and the batches still running are given up. */
    private static EmbeddingResponse answerOf(Future<EmbeddingResponse> part, List<Future<EmbeddingResponse>> all) {
        try {
            return part.get();
        } catch (ExecutionException failed) {
            all.forEach(other -> other.cancel(true));
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("an embeddings batch failed", failed.getCause());
        } catch (InterruptedException interrupted) {
            all.forEach(other -> other.cancel(true));
            Thread.currentThread().interrupt();
            throw new GatewayException(new GatewayError.UpstreamUnreachable("the embeddings batches were interrupted"));
        }
    }

    @Override
    public List<ModelInfo> listModels(UpstreamTarget target) {
        UpstreamHttp.Reply reply = http.get(MistralEndpoints.models(target), target);
        return MistralResponseMapper.models(accepted(reply));
    }

    @Override
    public void forward(UpstreamTarget target, PassthroughRequest request, PassthroughResponder responder) {
        http.relay(MistralEndpoints.passthrough(target, request.pathAndQuery()), target, request, responder);
    }

    @Override
    public NativeAnswer relay(UpstreamTarget target, RouteType type, NativeRequest request,
                              PassthroughResponder responder) {
        AnswerTap tap = new AnswerTap(json, NATIVE_ID_FIELDS, NATIVE_USAGE_FIELDS);
        Optional<UpstreamHttp.Reply> refused = http.relayAnswer(MistralEndpoints.nativeEndpoint(target, type,
                request.http().pathAndQuery()), target, request.http(), responder, tap);
        if (refused.isPresent()) {
            throw new GatewayException(errors.toError(refused.get()));
        }
        AnswerTap.Read read = tap.read();
        return new NativeAnswer(read.model(), read.id(), read.usage().flatMap(MistralResponseMapper::nativeUsage));
    }

    private void stream(UpstreamTarget target, RouteType type, Translation translation, ChunkSink sink,
                        Cancellation cancellation) {
        Optional<UpstreamHttp.Reply> refused = http.postStreaming(MistralEndpoints.resolve(target, type), target,
                "text/event-stream", JsonTrees.requestBody(json, target, translation.body()), cancellation::onCancel,
                (status, headers, body) -> {
                    boolean done = ServerSentEvents.read(body, data -> sink.accept(
                            MistralResponseMapper.chatChunk(JsonTrees.parseObject(json, data, NAME))),
                            sink::flush);
                    if (!done) {
                        throw MistralResponseMapper.protocolError("a stream that ended before [DONE]");
                    }
                });
        refused.ifPresent(reply -> {
            throw new GatewayException(errors.toError(reply));
        });
    }

    private JsonNode exchange(UpstreamTarget target, RouteType type, ObjectNode body) {
        return JsonTrees.parseObject(json, exchangeBody(target, type, body), NAME);
    }

    private byte[] exchangeBody(UpstreamTarget target, RouteType type, ObjectNode body) {
        return http.post(MistralEndpoints.resolve(target, type), target, JsonTrees.requestBody(json, target, body))
                .acceptedBody(errors::toError);
    }

    private JsonNode accepted(UpstreamHttp.Reply reply) {
        return JsonTrees.parseObject(json, reply.acceptedBody(errors::toError), NAME);
    }
}
