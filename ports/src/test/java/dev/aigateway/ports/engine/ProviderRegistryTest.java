package dev.aigateway.ports.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.route.BalancerAlgorithm;
import dev.aigateway.domain.route.BalancerSettings;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteAnalytics;
import dev.aigateway.domain.route.RoutePolicy;
import dev.aigateway.domain.route.RouteTarget;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.SemanticSettings;
import dev.aigateway.domain.route.UpstreamTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A route is refused at start when its provider is unknown or does not serve what the route needs. */
class ProviderRegistryTest {
    private static final ProviderRegistry REGISTRY = ProviderRegistry.of(Map.of(
            "chatty", new Serving(Set.of(RouteType.CHAT)),
            "embedder", new Serving(Set.of(RouteType.EMBEDDINGS))));

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("an unknown provider", route(RouteType.CHAT, "nobody", Optional.empty()),
                        "uses unknown provider 'nobody'; known providers: chatty, embedder"),
                Arguments.of("a route type the provider does not serve", route(RouteType.COMPLETIONS, "chatty",
                        Optional.empty()), "route 'r' needs llm/v1/completions but provider 'chatty' does not serve"
                        + " it; it serves llm/v1/chat"),
                Arguments.of("a semantic balancer whose embeddings provider cannot embed", route(RouteType.CHAT,
                        "chatty", Optional.of("chatty")), "needs llm/v1/embeddings but provider 'chatty'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesNamingTheRouteAndTheProvider(String what, Route route, String message) {
        assertThatThrownBy(() -> REGISTRY.requireProvidersOf(List.of(route)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void acceptsRoutesWhoseProvidersServeThem() {
        assertThatCode(() -> REGISTRY.requireProvidersOf(List.of(route(RouteType.CHAT, "chatty",
                Optional.of("embedder")), route(RouteType.EMBEDDINGS, "embedder", Optional.empty()))))
                .doesNotThrowAnyException();
    }

    private static Route route(RouteType type, String provider, Optional<String> semanticProvider) {
        BalancerSettings defaults = BalancerSettings.defaults(BalancerAlgorithm.ROUND_ROBIN);
        BalancerSettings balancer = semanticProvider.map(embedder -> new BalancerSettings(BalancerAlgorithm.SEMANTIC,
                defaults.retries(), defaults.failoverCriteria(), Optional.empty(), false, defaults.usageMetric(),
                defaults.maxFails(), defaults.failTimeout(), Optional.of(new SemanticSettings(target(embedder),
                        "embed-model", 0.5, true)))).orElse(defaults);
        return new Route("r", List.of("/r"), type, 1024, true, List.of(RouteTarget.single(RoutePolicy.defaults(),
                target(provider), RouteAnalytics.none())), balancer);
    }

    private static UpstreamTarget target(String provider) {
        return new UpstreamTarget(provider, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A provider that serves the given route types and is never called. */
    private record Serving(Set<RouteType> routeTypes) implements StubProvider { }
}
