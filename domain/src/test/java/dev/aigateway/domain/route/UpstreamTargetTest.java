package dev.aigateway.domain.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.domain.Secret;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Kong's {@code auth} truth table: which credential goes upstream. */
class UpstreamTargetTest {
    private static final UpstreamAuth CONFIGURED = new UpstreamAuth.Header("Authorization", Secret.of("Bearer cfg"));
    private static final Secret CLIENT = Secret.of("Bearer client");

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("configured, no override, client sent one", CONFIGURED, false, CLIENT, CONFIGURED),
                Arguments.of("configured, no override, client sent none", CONFIGURED, false, null, CONFIGURED),
                Arguments.of("configured, override allowed, client sent one", CONFIGURED, true, CLIENT,
                        new UpstreamAuth.Header("Authorization", CLIENT)),
                Arguments.of("configured, override allowed, client sent none", CONFIGURED, true, null, CONFIGURED),
                Arguments.of("a query parameter is overridden in place",
                        new UpstreamAuth.QueryParam("key", Secret.of("cfg")), true, Secret.of("mine"),
                        new UpstreamAuth.QueryParam("key", Secret.of("mine"))),
                Arguments.of("a body parameter is overridden in place",
                        new UpstreamAuth.BodyParam("api_key", Secret.of("cfg")), true, Secret.of("mine"),
                        new UpstreamAuth.BodyParam("api_key", Secret.of("mine"))),
                Arguments.of("nothing configured: the client's own key goes on", null, false, CLIENT,
                        new UpstreamAuth.Header("Authorization", CLIENT)),
                Arguments.of("nothing configured, nothing sent", null, false, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void picksTheCredential(String row, UpstreamAuth configured, boolean allowOverride, Secret client,
                            UpstreamAuth expected) {
        UpstreamTarget target = new UpstreamTarget("mistral", Optional.empty(), Optional.empty(),
                Optional.ofNullable(configured), allowOverride, UpstreamTimeouts.DEFAULTS, ProviderOptions.none());

        assertThat(target.forRequest(Optional.ofNullable(client), "req-1", Map.of()).auth()).isEqualTo(Optional.ofNullable(expected));
    }
}
