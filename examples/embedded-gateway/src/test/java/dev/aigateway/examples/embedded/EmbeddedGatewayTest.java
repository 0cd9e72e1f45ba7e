package dev.aigateway.examples.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.domain.Secret;
import dev.aigateway.domain.chat.ChatChunk;
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
import dev.aigateway.domain.route.UpstreamAuth;
import dev.aigateway.domain.route.UpstreamTarget;
import dev.aigateway.fakemistral.FakeMistral;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The second gateway answers a chat and a stream through the strict fake Mistral, and fails over as the first does. */
class EmbeddedGatewayTest {
    private static final String KEY = "sk-embedded-0123456789";

    private FakeMistral mistral;
    private EmbeddedGateway gateway;

    @BeforeEach
    void start() {
        mistral = FakeMistral.start(KEY);
        RouteTarget down = target(URI.create("http://127.0.0.1:" + closedPort()), 200);
        RouteTarget up = target(mistral.baseUri(), 100);
        List<Route> routes = List.of(
                new Route("assistant", List.of("/assistant"), RouteType.CHAT, 1 << 20, false, List.of(up),
                        BalancerSettings.defaults(BalancerAlgorithm.ROUND_ROBIN)),
                new Route("resilient", List.of("/resilient"), RouteType.CHAT, 1 << 20, false, List.of(down, up),
                        BalancerSettings.defaults(BalancerAlgorithm.PRIORITY)));
        gateway = DaggerEmbeddedGatewayComponent.factory().create(routes).gateway();
    }

    @AfterEach
    void stop() {
        mistral.close();
    }

    @Test
    void answersAChatWithTheProvidersExactTokens() {
        ChatResponse answer = gateway.chat("assistant", hello());

        assertThat(answer.choices().get(0).message().content()).contains(FakeMistral.DEFAULT_ANSWER);
        assertThat(mistral.lastRequest().json().path("model").asText()).isEqualTo("mistral-small-latest");
        assertThat(gateway.tokensUsed("assistant")).isEqualTo(FakeMistral.TOTAL_TOKENS);
    }

    @Test
    void streamsAnAnswerChunkByChunk() {
        List<ChatChunk> chunks = new ArrayList<>();

        gateway.stream("assistant", hello(), chunks::add);

        String text = chunks.stream().flatMap(chunk -> chunk.choices().stream())
                .map(choice -> choice.delta().content().orElse("")).collect(Collectors.joining());
        assertThat(chunks.size()).isGreaterThan(1);
        assertThat(text).isEqualTo(FakeMistral.DEFAULT_ANSWER);
        assertThat(mistral.lastRequest().json().path("stream").asBoolean()).isTrue();
        assertThat(gateway.tokensUsed("assistant")).isEqualTo(FakeMistral.TOTAL_TOKENS);
    }

    @Test
    void failsOverFromATargetThatCannotBeReachedToOneThatAnswers() {
        ChatResponse answer = gateway.chat("resilient", hello());

        assertThat(answer.choices().get(0).message().content()).contains(FakeMistral.DEFAULT_ANSWER);
        assertThat(gateway.tokensUsed("resilient")).isEqualTo(FakeMistral.TOTAL_TOKENS);
        assertThat(gateway.failovers("resilient")).isEqualTo(1);
        assertThat(gateway.failovers("assistant")).isZero();
    }

    private static ChatRequest hello() {
        return ChatRequest.builder().message(new Message.User(Content.text("hi"), Optional.empty())).build();
    }

    private static RouteTarget target(URI upstream, int weight) {
        RoutePolicy policy = new RoutePolicy(ModelPolicy.fixed("mistral-small-latest"), TuningOptions.none(),
                TuningPrecedence.CONFIG, ResponseStreaming.ALLOW);
        UpstreamTarget target = new UpstreamTarget("mistral", Optional.of(upstream), Optional.empty(),
                Optional.of(new UpstreamAuth.Header("Authorization", Secret.of("Bearer " + KEY))));
        return new RouteTarget(policy, target, RouteAnalytics.none(), weight, Optional.empty());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
