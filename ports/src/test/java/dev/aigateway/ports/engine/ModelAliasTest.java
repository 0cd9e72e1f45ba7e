package dev.aigateway.ports.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.Message;
import dev.aigateway.domain.route.BalancerAlgorithm;
import dev.aigateway.domain.route.BalancerSettings;
import dev.aigateway.domain.route.ModelPolicy;
import dev.aigateway.domain.route.ResponseStreaming;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteAnalytics;
import dev.aigateway.domain.route.RoutePolicy;
import dev.aigateway.domain.route.RouteTarget;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.TuningOptions;
import dev.aigateway.domain.route.TuningPrecedence;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.ports.ChatResponder;
import dev.aigateway.ports.ChunkSink;
import dev.aigateway.ports.Exchange;
import dev.aigateway.ports.RequestContext;
import dev.aigateway.ports.Served;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Kong 3.14's model_alias: a request naming a target's alias goes to that target, with its model sent upstream. */
class ModelAliasTest {
    private final List<String> sentModels = new ArrayList<>();
    private final List<Exchange> observed = new ArrayList<>();
    private final RoutingService routing = new RoutingService(ProviderRegistry.of(Map.of("p", new Echo())),
            observed::add);
    private final Route route = new Route("r", List.of("/r"), RouteType.CHAT, 1024, true, List.of(
            target("mistral-large-latest", "smart"), target("mistral-small-latest", "fast")),
            BalancerSettings.defaults(BalancerAlgorithm.ROUND_ROBIN));

    @Test
    void anAliasPicksItsTargetEveryTime() {
        chat(Optional.of("smart"));
        chat(Optional.of("smart"));
        chat(Optional.of("fast"));

        assertThat(sentModels).containsExactly("mistral-large-latest", "mistral-large-latest",
                "mistral-small-latest");
        assertThat(observed).extracting(Exchange::triedTargets).containsExactly(List.of(0), List.of(0), List.of(1));
    }

    @Test
    void withoutAnAliasTheBalancerPicks() {
        chat(Optional.empty());
        chat(Optional.empty());

        assertThat(sentModels).containsExactlyInAnyOrder("mistral-large-latest", "mistral-small-latest");
    }

    private void chat(Optional<String> model) {
        ChatRequest.Builder request = ChatRequest.builder().message(new Message.User(Content.text("hi"),
                Optional.empty()));
        model.ifPresent(request::model);
        routing.chat(route, request.build(), new RequestContext("r", Optional.empty()), new ChatResponder() {
            @Override
            public void complete(ChatResponse response, Served served) { }

            @Override
            public ChunkSink openStream(String name, Served served) {
                return chunk -> { };
            }
        });
    }

    private static RouteTarget target(String model, String alias) {
        return RouteTarget.single(new RoutePolicy(new ModelPolicy(Optional.of(model), Optional.of(alias)),
                TuningOptions.none(), TuningPrecedence.CONFIG, ResponseStreaming.ALLOW),
                new UpstreamTarget("p", Optional.empty(), Optional.empty(), Optional.empty()), RouteAnalytics.none());
    }

    /** Answers every chat, noting the model it was sent. */
    private final class Echo implements StubProvider {
        @Override
        public Set<RouteType> routeTypes() {
            return Set.of(RouteType.CHAT);
        }

        @Override
        public ChatResponse chat(UpstreamTarget target, ChatRequest request) {
            sentModels.add(request.model().orElseThrow());
            return StubProvider.ok(request.model().orElseThrow());
        }
    }
}
