package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which route takes a request, as Kong's router decides: regular expressions first by regex_priority, then the
 * longest matching prefix, each only for the hosts and methods it lists.
 */
class KongRouteMatchingTest {
    private static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @RegisterExtension
    final GatewayFixture fixture = GatewayFixture.withKey("sk-match").routes(mistral -> """
              - { name: short-prefix, paths: [/api], plugins: [%1$s] }
              - { name: long-prefix, paths: [/api/chat], plugins: [%2$s] }
              - { name: for-one-host, paths: [/hosted], hosts: ["*.example.com"], plugins: [%3$s] }
              - { name: for-any-host, paths: [/hosted], plugins: [%4$s] }
              - { name: low-regex, paths: ["~/rx/(?<model>[a-z]+)$"], plugins: [%5$s] }
              - { name: high-regex, paths: ["~/rx/special$"], regex_priority: 10, plugins: [%6$s] }
            """.formatted(proxy(mistral, "short"), proxy(mistral, "long"), proxy(mistral, "hosted"),
            proxy(mistral, "anyhost"), proxy(mistral, "lowrx"), proxy(mistral, "highrx")));

    private static String proxy(dev.aigateway.fakemistral.FakeMistral mistral, String model) {
        return ("{ name: ai-proxy, config: { route_type: llm/v1/chat, auth: { header_name: Authorization,"
                + " header_value: \"Bearer ${MISTRAL_API_KEY}\" }, model: { provider: mistral, name: %s,"
                + " options: { upstream_url: \"%s/v1/chat/completions\" } } } }").formatted(model, mistral.baseUri());
    }

    private String answeredBy(String path, String host) throws Exception {
        String answer = RawHttp.exchange(fixture.port(), "POST " + path + " HTTP/1.1\r\nHost: " + host
                + "\r\nContent-Type: application/json\r\nContent-Length: " + HELLO.length() + "\r\nConnection: close"
                + "\r\n\r\n" + HELLO);
        return answer.lines().filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("x-kong-llm-model:"))
                .map(line -> line.substring(line.indexOf('/') + 1).trim()).findFirst()
                .orElse(answer.lines().findFirst().orElse(""));
    }

    @Test
    void theLongestPrefixWins() throws Exception {
        assertThat(answeredBy("/api/chat/completions", "gw")).isEqualTo("long");
        assertThat(answeredBy("/api/embeddings", "gw")).isEqualTo("short");
        assertThat(answeredBy("/apix", "gw")).as("a plain prefix, as in Kong").isEqualTo("short");
    }

    @Test
    void aRouteWithHostsTakesOnlyThoseHosts() throws Exception {
        assertThat(answeredBy("/hosted", "eu.example.com")).isEqualTo("hosted");
        assertThat(answeredBy("/hosted", "other.org")).isEqualTo("anyhost");
    }

    @Test
    void regularExpressionsGoFirstByPriority() throws Exception {
        assertThat(answeredBy("/rx/special", "gw")).isEqualTo("highrx");
        assertThat(answeredBy("/rx/other", "gw")).isEqualTo("lowrx");
        assertThat(answeredBy("/rx/Other", "gw")).startsWith("HTTP/1.1 404");
    }
}
