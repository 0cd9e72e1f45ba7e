package dev.aigateway.egress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.domain.route.UpstreamTarget;
import java.net.URI;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Kong's URL rules, for any provider: the rows name no provider's host or path. */
class UpstreamUrlsTest {
    private static final URI DEFAULT_BASE = URI.create("https://provider.example");

    static Stream<Arguments> resolved() {
        return Stream.of(
                Arguments.of("the default base with the endpoint's path", null, null,
                        "https://provider.example:443/v1/endpoint"),
                Arguments.of("an upstream_url with a path is used as it is", "http://127.0.0.1:9001/custom", null,
                        "http://127.0.0.1:9001/custom"),
                Arguments.of("an upstream_url without a path gets the endpoint's path", "http://local:8000", null,
                        "http://local:8000/v1/endpoint"),
                Arguments.of("a lone slash counts as no path", "http://local:8000/", null,
                        "http://local:8000/v1/endpoint"),
                Arguments.of("http without a port means 80", "http://local/x", null, "http://local:80/x"),
                Arguments.of("upstream_path replaces the path", "https://eu.example:8443/x", "/v2/y",
                        "https://eu.example:8443/v2/y"),
                Arguments.of("a query string on upstream_url is kept", "https://gw.example/p?api-version=1", null,
                        "https://gw.example:443/p?api-version=1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resolved")
    void resolves(String rule, String upstreamUrl, String upstreamPath, String expected) {
        assertThat(UpstreamUrls.resolve(target(upstreamUrl, upstreamPath), DEFAULT_BASE, "/v1/endpoint"))
                .isEqualTo(URI.create(expected));
    }

    static Stream<Arguments> onHost() {
        return Stream.of(
                Arguments.of("the default host", null, "https://provider.example:443/v1/models"),
                Arguments.of("the configured host, not its path or query", "http://local:8000/api/chat?x=1",
                        "http://local:8000/v1/models"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onHost")
    void findsSiblingEndpointsOnTheTargetsHost(String rule, String upstreamUrl, String expected) {
        assertThat(UpstreamUrls.onHost(target(upstreamUrl, null), DEFAULT_BASE, "/v1/models"))
                .isEqualTo(URI.create(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onHost")
    void forwardsTheClientsPathAndQueryToTheTargetsHost(String rule, String upstreamUrl, String expectedModels) {
        URI forwarded = UpstreamUrls.passthrough(target(upstreamUrl, null), DEFAULT_BASE, "/v1/files?purpose=ocr");

        assertThat(forwarded.toString()).isEqualTo(expectedModels.replace("/v1/models", "/v1/files?purpose=ocr"));
    }

    private static UpstreamTarget target(String upstreamUrl, String upstreamPath) {
        return new UpstreamTarget("any", Optional.ofNullable(upstreamUrl).map(URI::create),
                Optional.ofNullable(upstreamPath), Optional.empty());
    }
}
