package dev.aigateway.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigateway.domain.Usage;
import dev.aigateway.domain.access.Consumer;
import dev.aigateway.domain.error.GatewayError;
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
import dev.aigateway.ports.Exchange;
import dev.aigateway.ports.Payloads;
import dev.aigateway.ports.Served;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Kong-shaped analytics log line and the status the metrics report, from one exchange. */
class ObservationsTest {
    private final Route route = new Route("pair", List.of("/pair"), RouteType.CHAT, 1024, true, List.of(
            target("ollama", "mistral:7b", "http://ollama.internal:11434"),
            target("mistral", "mistral-small-latest", null)), BalancerSettings.defaults(BalancerAlgorithm.PRIORITY));

    @Test
    void theLogLineListsTheTargetsTriedAndTheOneThatAnswered() {
        Exchange exchange = new Exchange("req-1", route, new Served(route.targets().get(1), 1, 2), List.of(0, 1),
                "mistral-small-latest", Optional.of("mistral-small-latest"), Optional.of("cmpl-1"), List.of("stop"),
                false, Exchange.Outcome.COMPLETED, Optional.empty(), Optional.of(new Usage(3, 4, 7)),
                Duration.ofMillis(12), Optional.empty(), Optional.empty(), Optional.of(new Consumer("team-a", Set.of())),
                false, 3, Optional.of("4bf92f3577b34da6a3ce929d0e0e4736"), Payloads.NONE);

        JsonNode line = Observations.logLine(exchange, Observations.status(exchange));

        assertThat(line.at("/ai/proxy/meta/provider_name").asText()).isEqualTo("mistral");
        assertThat(line.at("/ai/proxy/meta/attempts").asInt()).isEqualTo(2);
        assertThat(line.at("/ai/proxy/meta/tried_targets/0/provider").asText()).isEqualTo("ollama");
        assertThat(line.at("/ai/proxy/meta/tried_targets/0/host").asText()).isEqualTo("ollama.internal");
        assertThat(line.at("/ai/proxy/meta/tried_targets/1/model").asText()).isEqualTo("mistral-small-latest");
        assertThat(line.at("/ai/proxy/usage/total_tokens").asInt()).isEqualTo(7);
        assertThat(line.at("/consumer/username").asText()).isEqualTo("team-a");
        assertThat(line.at("/ai/proxy/meta/upstream_calls").asInt()).isEqualTo(3);
        assertThat(line.at("/trace_id").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void aFailureIsReportedWithItsOwnStatusAndAnAnswerThatStartedWith200() {
        Exchange failed = new Exchange("req-2", route, new Served(route.primary(), 0, 1), List.of(0), "m",
                Optional.empty(), Optional.empty(), List.of(), false, Exchange.Outcome.FAILED,
                Optional.of(new GatewayError.UpstreamTimeout("slow")), Optional.empty(), Duration.ZERO, Optional.empty(),
                Optional.empty(), Optional.empty(), false, 1, Optional.empty(), Payloads.NONE);
        Exchange aborted = new Exchange("req-3", route, new Served(route.primary(), 0, 1), List.of(0), "m",
                Optional.empty(), Optional.empty(), List.of(), true, Exchange.Outcome.ABORTED, Optional.empty(),
                Optional.empty(), Duration.ZERO, Optional.empty(), Optional.empty(), Optional.empty(), true, 1,
                Optional.empty(), Payloads.NONE);

        assertThat(Observations.status(failed)).isEqualTo(504);
        assertThat(Observations.status(aborted)).isEqualTo(200);
        assertThat(Observations.logLine(aborted, 200).at("/ai/proxy/meta/aborted").asBoolean()).isTrue();
        assertThat(Observations.logLine(aborted, 200).at("/ai/proxy/meta/limits_unchecked").asBoolean()).isTrue();
        assertThat(Observations.logLine(failed, 504).has("consumer")).isFalse();
        assertThat(Observations.logLine(failed, 504).has("trace_id")).isFalse();
    }

    private static RouteTarget target(String provider, String model, String url) {
        return RouteTarget.single(new RoutePolicy(ModelPolicy.fixed(model), TuningOptions.none(),
                TuningPrecedence.CONFIG, ResponseStreaming.ALLOW), new UpstreamTarget(provider,
                Optional.ofNullable(url).map(URI::create), Optional.empty(), Optional.empty()), RouteAnalytics.none());
    }
}
