package dev.aigateway.ports;

import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.completion.CompletionRequest;
import dev.aigateway.domain.embedding.EmbeddingRequest;
import dev.aigateway.domain.embedding.EmbeddingResponse;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.passthrough.PassthroughRequest;
import dev.aigateway.domain.route.Capability;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.UpstreamTarget;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The core: applies a route's policy to each request and sends it to the route's provider. */
public final class RoutingService implements ChatCompletionUseCase, CompletionUseCase, EmbeddingUseCase,
        PassthroughUseCase {
    private final ProviderRegistry providers;

    public RoutingService(ProviderRegistry providers) {
        this.providers = Objects.requireNonNull(providers, "providers");
    }

    @Override
    public void chat(Route route, ChatRequest request, RequestContext context, ChatResponder responder) {
        requireCapability(route, Capability.CHAT);
        ChatRequest upstreamRequest = route.policy().applyTo(request);
        UpstreamTarget target = targetFor(route, context);
        UpstreamProvider provider = providers.get(target.provider());
        if (upstreamRequest.stream()) {
            provider.streamChat(target, upstreamRequest, responder.openStream(upstreamRequest.model().orElseThrow()));
        } else {
            responder.complete(provider.chat(target, upstreamRequest));
        }
    }

    @Override
    public void complete(Route route, CompletionRequest request, RequestContext context,
                         ChatResponder responder) {
        requireCapability(route, Capability.COMPLETIONS);
        CompletionRequest upstreamRequest = route.policy().applyTo(request);
        UpstreamTarget target = targetFor(route, context);
        UpstreamProvider provider = providers.get(target.provider());
        if (upstreamRequest.stream()) {
            provider.streamComplete(target, upstreamRequest,
                    responder.openStream(upstreamRequest.model().orElseThrow()));
        } else {
            responder.complete(provider.complete(target, upstreamRequest));
        }
    }

    @Override
    public void forward(Route route, PassthroughRequest request, RequestContext context,
                        PassthroughResponder responder) {
        requireCapability(route, Capability.PASSTHROUGH);
        UpstreamTarget target = targetFor(route, context);
        providers.get(target.provider()).forward(target, request, responder);
    }

    @Override
    public EmbeddingResponse embed(Route route, EmbeddingRequest request, RequestContext context) {
        requireCapability(route, Capability.EMBEDDINGS);
        EmbeddingRequest upstreamRequest = route.policy().applyTo(request);
        UpstreamTarget target = targetFor(route, context);
        return providers.get(target.provider()).embed(target, upstreamRequest);
    }

    private static UpstreamTarget targetFor(Route route, RequestContext context) {
        return route.target().forRequest(context.clientCredential(), context.requestId());
    }

    private static void requireCapability(Route route, Capability needed) {
        if (route.type().capability() != needed) {
            throw new GatewayException(new GatewayError.Unsupported("route '" + route.name() + "' serves "
                    + route.type().configName() + ", not " + needed.name().toLowerCase(Locale.ROOT),
                    Optional.empty()));
        }
    }
}
