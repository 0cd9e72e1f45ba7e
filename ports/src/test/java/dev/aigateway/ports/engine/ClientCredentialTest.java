package dev.aigateway.ports.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.Secret;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.ChatResponse;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.Message;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import dev.aigateway.domain.route.BalancerAlgorithm;
import dev.aigateway.domain.route.BalancerSettings;
import dev.aigateway.domain.route.FailoverCriterion;
import dev.aigateway.domain.route.Route;
import dev.aigateway.domain.route.RouteAnalytics;
import dev.aigateway.domain.route.RoutePolicy;
import dev.aigateway.domain.route.RouteTarget;
import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.UpstreamAuth;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.ports.Cancellation;
import dev.aigateway.ports.ChatResponder;
import dev.aigateway.ports.ChunkSink;
import dev.aigateway.ports.ExchangeObserver;
import dev.aigateway.ports.RequestContext;
import dev.aigateway.ports.Served;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An upstream 401/403 to the client's own key is the client's error: passed on as such, never failed over, never
 * counted against the target; to the gateway's configured key it stays the upstream's refusal, which may fail over.
 */
class ClientCredentialTest {
    private static final Optional<Secret> CLIENT_KEY = Optional.of(Secret.of("Bearer client-key"));
    private final AtomicInteger calls = new AtomicInteger();
    private final RoutingService routing = new RoutingService(ProviderRegistry.of(Map.of("p", new Refusing())),
            ExchangeObserver.NONE);

    @Test
    void aRefusedClientKeyIsTheClientsErrorAndDoesNotFailOver() {
        Route byok = route(Optional.empty(), false);

        assertThatThrownBy(() -> chat(byok)).isInstanceOfSatisfying(GatewayException.class, e ->
                assertThat(e.error()).isEqualTo(new GatewayError.ClientCredentialRejected(403, "Forbidden")));
        assertThat(calls).hasValue(1);
    }

    @Test
    void anOverridingClientKeyIsTheClientsToo() {
        Route override = route(Optional.of(new UpstreamAuth.Header("Authorization", Secret.of("Bearer ours"))), true);

        assertThatThrownBy(() -> chat(override)).isInstanceOfSatisfying(GatewayException.class, e ->
                assertThat(e.error()).isInstanceOf(GatewayError.ClientCredentialRejected.class));
        assertThat(calls).hasValue(1);
    }

    @Test
    void aRefusedConfiguredKeyStaysTheUpstreamsRefusalAndFailsOverWhereTheRouteSaysSo() {
        Route configured = route(Optional.of(new UpstreamAuth.Header("Authorization", Secret.of("Bearer ours"))),
                false);

        assertThatThrownBy(() -> chat(configured)).isInstanceOfSatisfying(GatewayException.class, e ->
                assertThat(e.error()).isInstanceOfSatisfying(GatewayError.UpstreamRejected.class, rejected ->
                        assertThat(rejected.status()).isEqualTo(403)));
        assertThat(calls).as("both targets tried").hasValue(2);
    }

    private void chat(Route route) {
        routing.chat(route, ChatRequest.builder().model("m").message(new Message.User(Content.text("hi"),
                Optional.empty())).build(), new RequestContext("r", CLIENT_KEY, Map.of(), Cancellation.NONE),
                new ChatResponder() {
                    @Override
                    public void complete(ChatResponse response, Served served) { }

                    @Override
                    public ChunkSink openStream(String model, Served served) {
                        return chunk -> { };
                    }
                });
    }

    private static Route route(Optional<UpstreamAuth> auth, boolean allowOverride) {
        BalancerSettings defaults = BalancerSettings.defaults(BalancerAlgorithm.ROUND_ROBIN);
        BalancerSettings balancer = new BalancerSettings(BalancerAlgorithm.ROUND_ROBIN, 5,
                Set.of(FailoverCriterion.HTTP_403, FailoverCriterion.NON_IDEMPOTENT), Optional.empty(), false,
                defaults.usageMetric(), 1, Duration.ofSeconds(10), Optional.empty());
        RouteTarget target = RouteTarget.single(RoutePolicy.defaults(), new UpstreamTarget("p", Optional.empty(),
                Optional.empty(), auth, allowOverride, dev.aigateway.domain.route.UpstreamTimeouts.DEFAULTS,
                dev.aigateway.domain.route.ProviderOptions.none()), RouteAnalytics.none());
        return new Route("r", List.of("/r"), RouteType.CHAT, 1024, true, List.of(target, target), balancer);
    }

    /** Refuses every chat with a 403, as an upstream does a key it does not accept. */
    private final class Refusing implements StubProvider {
        @Override
        public Set<RouteType> routeTypes() {
            return Set.of(RouteType.CHAT);
        }

        @Override
        public ChatResponse chat(UpstreamTarget target, ChatRequest request) {
            calls.incrementAndGet();
            throw new GatewayException(new GatewayError.UpstreamRejected(403, "Forbidden", Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty()));
        }
    }
}
