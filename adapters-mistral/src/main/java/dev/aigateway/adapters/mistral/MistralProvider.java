package dev.aigateway.adapters.mistral;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.UpstreamAuth;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.ports.ChunkSink;
import dev.aigateway.ports.UpstreamProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;

/** Mistral as an upstream: translates each request to Mistral's API, sends it, and reads the answer back. */
final class MistralProvider implements UpstreamProvider {
    private static final System.Logger LOG = System.getLogger(MistralProvider.class.getName());

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
        MistralChatTranslation translation = translate(request);
        JsonNode answer = exchange(target, RouteType.CHAT, translation.body());
        return MistralResponseMapper.chatResponse(answer);
    }

    @Override
    public void streamChat(UpstreamTarget target, ChatRequest request, ChunkSink sink) {
        MistralChatTranslation translation = translate(request);
        Optional<MistralHttp.Reply> refused = http.postStreaming(MistralEndpoints.resolve(target, RouteType.CHAT),
                target.auth(), bytes(target, translation.body()), body -> {
                    boolean done = ServerSentEvents.read(body,
                            data -> sink.accept(MistralResponseMapper.chatChunk(parse(data.getBytes(
                                    java.nio.charset.StandardCharsets.UTF_8)))));
                    if (!done) {
                        throw MistralResponseMapper.protocolError("a stream that ended before [DONE]");
                    }
                });
        refused.ifPresent(reply -> {
            throw new GatewayException(errors.toError(reply.status(), reply.body(), reply.retryAfter()));
        });
    }

    @Override
    public EmbeddingResponse embed(UpstreamTarget target, EmbeddingRequest request) {
        ObjectNode body = MistralEmbeddingRequestMapper.toMistral(request);
        return MistralResponseMapper.embeddingResponse(exchange(target, RouteType.EMBEDDINGS, body));
    }

    private MistralChatTranslation translate(ChatRequest request) {
        MistralChatTranslation translation = MistralChatRequestMapper.toMistral(request);
        logDropped(translation.dropped());
        return translation;
    }

    private JsonNode exchange(UpstreamTarget target, RouteType type, ObjectNode body) {
        MistralHttp.Reply reply = http.post(MistralEndpoints.resolve(target, type), target.auth(), bytes(target, body));
        if (reply.status() / 100 != 2) {
            throw new GatewayException(errors.toError(reply.status(), reply.body(), reply.retryAfter()));
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

    private static void logDropped(List<String> dropped) {
        if (!dropped.isEmpty()) {
            LOG.log(Level.DEBUG, () -> "not sent to Mistral, which refuses them: " + String.join(", ", dropped));
        }
    }
}
