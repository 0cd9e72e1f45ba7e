package dev.aigateway.examples.embedded;

import dev.aigateway.domain.chat.ChatChunk;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.route.Route;
import dev.aigateway.ports.ChatCompletionUseCase;
import dev.aigateway.ports.ChatResponder;
import dev.aigateway.ports.ChunkSink;
import dev.aigateway.ports.RequestContext;
import dev.aigateway.ports.Served;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A gateway inside an application: its routes (with their targets, balancers and failover) answer plain Java calls
 * instead of HTTP requests. Everything behind the calls is the product's own core and provider adapters.
 */
public final class EmbeddedGateway {
    private final Map<String, Route> routes;
    private final ChatCompletionUseCase chat;
    private final TokenLedger ledger;

    EmbeddedGateway(List<Route> routes, ChatCompletionUseCase chat, TokenLedger ledger) {
        this.routes = routes.stream().collect(Collectors.toUnmodifiableMap(Route::name, Function.identity()));
        this.chat = chat;
        this.ledger = ledger;
    }

    /** The whole answer of the named route to a request that does not stream. */
    public ChatResponse chat(String route, ChatRequest request) {
        AtomicReference<ChatResponse> answer = new AtomicReference<>();
        chat.chat(route(route), request.toBuilder().stream(false).build(), context(), new ChatResponder() {
            @Override
            public void complete(ChatResponse response, Served served) {
                answer.set(response);
            }

            @Override
            public ChunkSink openStream(String model, Served served) {
                throw new IllegalStateException("route '" + route + "' streams every answer; use stream()");
            }
        });
        return answer.get();
    }

    /** Streams the named route's answer into {@code chunks} as it arrives; returns when it is complete. */
    public void stream(String route, ChatRequest request, Consumer<ChatChunk> chunks) {
        chat.chat(route(route), request.toBuilder().stream(true).build(), context(), new ChatResponder() {
            @Override
            public void complete(ChatResponse response, Served served) {
                throw new IllegalStateException("route '" + route + "' never streams; use chat()");
            }

            @Override
            public ChunkSink openStream(String model, Served served) {
                return chunks::accept;
            }
        });
    }

    /** The tokens the named route has used so far, as the providers counted them. */
    public long tokensUsed(String route) {
        return ledger.totalTokens(route);
    }

    /** How many of the named route's answers came from another target than the first one tried. */
    public long failovers(String route) {
        return ledger.failovers(route);
    }

    private Route route(String name) {
        Route route = routes.get(name);
        if (route == null) {
            throw new IllegalArgumentException("no route '" + name + "'; routes: " + routes.keySet());
        }
        return route;
    }

    private static RequestContext context() {
        return new RequestContext(UUID.randomUUID().toString(), Optional.empty());
    }
}
