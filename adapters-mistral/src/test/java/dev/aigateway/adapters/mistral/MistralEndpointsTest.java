package dev.aigateway.adapters.mistral;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.domain.route.RouteType;
import dev.aigateway.domain.route.UpstreamTarget;
import java.net.URI;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MistralEndpointsTest {

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("chat goes to Mistral cloud by default", RouteType.CHAT, null, null,
                        "https://api.mistral.ai:443/v1/chat/completions"),
                Arguments.of("embeddings go to Mistral cloud by default", RouteType.EMBEDDINGS, null, null,
                        "https://api.mistral.ai:443/v1/embeddings"),
                Arguments.of("completions go to FIM", RouteType.COMPLETIONS, null, null,
                        "https://api.mistral.ai:443/v1/fim/completions"),
                Arguments.of("an upstream_url with a path is used as it is", RouteType.CHAT,
                        "http://127.0.0.1:9001/custom/chat", null, "http://127.0.0.1:9001/custom/chat"),
                Arguments.of("an upstream_url without a path gets the route type's path", RouteType.EMBEDDINGS,
                        "http://mistral.internal:8000", null, "http://mistral.internal:8000/v1/embeddings"),
                Arguments.of("http without a port means 80", RouteType.CHAT, "http://mistral.internal/v1/chat",
                        null, "http://mistral.internal:80/v1/chat"),
                Arguments.of("https without a port means 443", RouteType.CHAT, "https://mistral.internal", null,
                        "https://mistral.internal:443/v1/chat/completions"),
                Arguments.of("upstream_path replaces the path", RouteType.CHAT, "https://eu.example:8443/x",
                        "/v2/chat", "https://eu.example:8443/v2/chat"),
                Arguments.of("a query string on upstream_url is kept", RouteType.CHAT,
                        "https://gw.example/v1/chat/completions?api-version=1", null,
                        "https://gw.example:443/v1/chat/completions?api-version=1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void resolves(String rule, RouteType type, String upstreamUrl, String upstreamPath, String expected) {
        UpstreamTarget target = new UpstreamTarget("mistral", Optional.ofNullable(upstreamUrl).map(URI::create),
                Optional.ofNullable(upstreamPath), Optional.empty());

        assertThat(MistralEndpoints.resolve(target, type)).isEqualTo(URI.create(expected));
    }
}
