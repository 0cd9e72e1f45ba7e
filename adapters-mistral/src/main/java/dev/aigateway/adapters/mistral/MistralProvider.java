package dev.aigateway.adapters.mistral;

import com.fasterxml.jackson.core.JacksonException;
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
import dev.aigateway.domain.route.UpstreamAuth;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.ports.ChunkSink;
import dev.aigateway.ports.PassthroughResponder;
import dev.aigateway.ports.UpstreamProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;

/** Mistral as an upstream: translates each request to Mistral's API, sends it, and reads the answer back. */
final class MistralProvider implements UpstreamProvider {
    private static final System.Logger LOG = System.getLogger(MistralProvider.class.getName());
    private static final int RELAY_BUFFER = 8192;

    private final MistralHttp http;
    private final ObjectMapper json;
    private final MistralErrorMapper errors;

    MistralProvider(MistralHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
        this.errors = new MistralErrorMapper(json);
    }

    @Override
    public ChatResponse chat(UpstreamTarget target, ChatRequest request) {
        MistralTranslation translation = logged(MistralChatRequestMapper.toMistral(request));
        return MistralResponseMapper.chatResponse(exchange(target, RouteType.CHAT, translation.body()));
    }

    @Override
    public void streamChat(UpstreamTarget target, ChatRequest request, ChunkSink sink) {
        stream(target, RouteType.CHAT, logged(MistralChatRequestMapper.toMistral(request)), sink);
    }

    @Override
    public ChatResponse complete(UpstreamTarget target, CompletionRequest request) {
        MistralTranslation translation = logged(MistralFimRequestMapper.toMistral(request));
        return MistralResponseMapper.chatResponse(exchange(target, RouteType.COMPLETIONS, translation.body()));
    }

    @Override
    public void streamComplete(UpstreamTarget target, CompletionRequest request, ChunkSink sink) {
        stream(target, RouteType.COMPLETIONS, logged(MistralFimRequestMapper.toMistral(request)), sink);
    }

    @Override
    public EmbeddingResponse embed(UpstreamTarget target, EmbeddingRequest request) {
        ObjectNode body = MistralEmbeddingRequestMapper.toMistral(request);
        return MistralResponseMapper.embeddingResponse(exchange(target, RouteType.EMBEDDINGS, body));
    }

    @Override
    public List<ModelInfo> listModels(UpstreamTarget target) {
        MistralHttp.Reply reply = http.get(MistralEndpoints.models(target), target);
        return MistralResponseMapper.models(accepted(reply));
    }

    @Override
    public void forward(UpstreamTarget target, PassthroughRequest request, PassthroughResponder responder) {
        Optional<byte[]> body = request.body().length() == 0 ? Optional.empty() : Optional.of(request.body().toArray());
        http.relay(request.method(), MistralEndpoints.passthrough(target, request.pathAndQuery()), target,
                request.accept(), request.contentType(), body, (status, headers, in) -> {
                    try (OutputStream out = responder.start(status, headers)) {
                        byte[] buffer = new byte[RELAY_BUFFER];
                        int read;
                        while ((read = in.read(buffer)) != -1) {
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    }
                });
    }

    private void stream(UpstreamTarget target, RouteType type, MistralTranslation translation, ChunkSink sink) {
        Optional<MistralHttp.Reply> refused = http.postStreaming(MistralEndpoints.resolve(target, type), target,
                bytes(target, translation.body()), sink::whenClientGone, (status, headers, body) -> {
                    boolean done = ServerSentEvents.read(body, data -> sink.accept(
                            MistralResponseMapper.chatChunk(parse(data))),
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
        return accepted(http.post(MistralEndpoints.resolve(target, type), target, bytes(target, body)));
    }

    private JsonNode accepted(MistralHttp.Reply reply) {
        if (reply.status() / 100 != 2) {
            throw new GatewayException(errors.toError(reply));
        }
        return parse(reply.body());
    }

    /** The body as sent to {@code target}: with the credential in it when the route puts it there. */
    private byte[] bytes(UpstreamTarget target, ObjectNode body) {
        target.auth().ifPresent(auth -> {
            if (auth instanceof UpstreamAuth.BodyParam field) {
                body.put(field.name(), field.value().reveal());
            }
        });
        try {
            return json.writeValueAsBytes(body);
        } catch (JacksonException e) {
            throw new UncheckedIOException("a JSON tree always serializes", e);
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw MistralResponseMapper.protocolError("a body that is not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw MistralResponseMapper.protocolError("a body that is not valid JSON");
        }
    }

    private static MistralTranslation logged(MistralTranslation translation) {
        if (!translation.dropped().isEmpty()) {
            LOG.log(Level.DEBUG, () -> "not sent to Mistral, which refuses them: "
                    + String.join(", ", translation.dropped()));
        }
        return translation;
    }
}
