package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.fakemistral.FakeMistral;
import dev.aigateway.fakemistral.FakeReply;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kong declarative files as Kong and decK write them: services with nested routes, top-level routes naming their
 * service, plugins global or referenced by route, decK's environment syntax, Kong's regular-expression paths.
 */
class KongDeclarativeFileTest {
    private static final String KEY = "sk-deck-provider";
    private static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private FakeMistral mistral;
    private Gateway gateway;
    private HttpExchanges http;

    static String fixture(String name) throws IOException {
        try (InputStream in = KongDeclarativeFileTest.class.getResourceAsStream("/kong/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Map<String, String> env() {
        return Map.of("DECK_MISTRAL_API_KEY", KEY, "DECK_MISTRAL_URL", mistral.baseUri().toString(),
                "DECK_APP_KEY", "app-key-1");
    }

    private GatewayConfig parse(String yaml) {
        return new ConfigLoader(env(), warning -> { }).parse(("server: { host: 127.0.0.1, port: 0 }\n" + yaml)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "kong.yml", TestGateways.providers());
    }

    @BeforeEach
    void start() throws IOException {
        mistral = FakeMistral.start(KEY);
        gateway = Gateway.start(parse(fixture("mistral-deck.yaml")));
        http = new HttpExchanges(gateway.port());
    }

    @AfterEach
    void stop() {
        gateway.close();
        mistral.close();
    }

    @Test
    void kongsMistralGuideAsDeckWritesItServesChatToolsAndEmbeddings() throws Exception {
        HttpResponse<String> chat = http.post("/mistral-chat", HELLO, "apikey", "app-key-1");
        mistral.enqueue(FakeReply.toolCall("Ab3dEf6hI", "get_weather", "{\"city\":\"Paris\"}"));
        HttpResponse<String> tools = http.post("/mistral-chat", HELLO.replace("{", "{\"tools\":[{\"type\":"
                + "\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\"}}}],"),
                "apikey", "app-key-1");
        HttpResponse<String> embeddings = http.post("/mistral-embeddings", "{\"input\":\"hello\"}", "apikey",
                "app-key-1");

        assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
        assertThat(mistral.requests().get(0).json().path("model").asText()).isEqualTo("mistral-tiny");
        assertThat(mistral.requests().get(0).header("authorization")).contains("Bearer " + KEY);
        assertThat(chat.headers().firstValue("X-AI-RateLimit-Limit-3600-0")).contains("100000");
        assertThat(tools.body()).contains("get_weather");
        assertThat(embeddings.statusCode()).as(embeddings.body()).isEqualTo(200);
        assertThat(embeddings.headers().firstValue("X-AI-RateLimit-Limit-3600-0"))
                .as("the limit is referenced by the chat route only").isEmpty();
    }

    @Test
    void theGlobalKeyAuthGuardsEveryRouteAndRegexPathsMatchAsKongsDo() throws Exception {
        assertThat(http.post("/mistral-chat", HELLO).statusCode()).isEqualTo(401);
        assertThat(http.post("/mistral-embeddings", "{\"input\":\"x\"}").statusCode()).isEqualTo(401);
        assertThat(http.post("/mistral-chat/more", HELLO, "apikey", "app-key-1").statusCode())
                .as("the $ anchors the path").isEqualTo(404);
        assertThat(http.post("/prefix/mistral-chat", HELLO, "apikey", "app-key-1").statusCode())
                .as("Kong matches a regex from the start of the path").isEqualTo(404);
    }

    @Test
    void aConsumerScopedLimitReplacesTheRoutesForThatConsumerOnly() throws Exception {
        String document = fixture("mistral-deck.yaml").replace("""
                  - username: app
                """, """
                  - username: small
                    keyauth_credentials: [{ key: small-key }]
                    plugins:
                      - name: ai-rate-limiting-advanced
                        config: { policies: [{ limits: [{ limit: 20, window_size: 3600 }] }] }
                  - username: mid
                    id: 5d2c9a1e-1111-4c3b-8e7f-000000000001
                    keyauth_credentials: [{ key: mid-key }]
                  - username: app
                """) + """
                  - name: ai-rate-limiting-advanced
                    consumer: 5d2c9a1e-1111-4c3b-8e7f-000000000001
                    route: mistral-chat
                    config: { policies: [{ limits: [{ limit: 1000, window_size: 60 }] }] }
                """;
        gateway.close();
        gateway = Gateway.start(parse(document));
        http = new HttpExchanges(gateway.port());
        String bounded = HELLO.replace("{", "{\"max_tokens\":10,");

        HttpResponse<String> small = http.post("/mistral-chat", bounded, "apikey", "small-key");
        HttpResponse<String> smallAgain = http.post("/mistral-chat", bounded, "apikey", "small-key");
        HttpResponse<String> mid = http.post("/mistral-chat", bounded, "apikey", "mid-key");
        HttpResponse<String> app = http.post("/mistral-chat", bounded, "apikey", "app-key-1");
        HttpResponse<String> smallEmbeddings = http.post("/mistral-embeddings", "{\"input\":\"x\"}", "apikey",
                "small-key");

        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(small.headers().firstValue("X-AI-RateLimit-Limit-3600-0")).contains("20");
        assertThat(smallAgain.statusCode()).isEqualTo(429);
        assertThat(mid.headers().firstValue("X-AI-RateLimit-Limit-60-0")).contains("1000");
        assertThat(app.headers().firstValue("X-AI-RateLimit-Limit-3600-0")).contains("100000");
        assertThat(smallEmbeddings.headers().firstValue("X-AI-RateLimit-Limit-3600-0"))
                .as("a consumer's plugin without a route applies on every route").contains("20");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a route naming a service that is not there|- name: r\\n  service: nowhere\\n  paths: [/x]|routes[0].service names no service: 'nowhere'",
            "a plugin naming a route that is not there|plugins:\\n  - name: key-auth\\n    route: nowhere|plugins[0].route names no route: 'nowhere'",
            "a consumer-scoped plugin other than a limit|plugins:\\n  - name: key-auth\\n    consumer: app|only ai-rate-limiting-advanced can apply to one consumer here",
            "a plugin naming a consumer that is not there|plugins:\\n  - name: ai-rate-limiting-advanced\\n    consumer: nobody|plugins[0].consumer names no consumer: 'nobody'",
            "a service timeout Kong would apply|services:\\n  - name: s\\n    url: http://x\\n    read_timeout: 5000|services[0].read_timeout may only be Kong's default 60000",
            "a regex that does not compile|- name: r\\n  paths: [~/(]|is not a valid regular expression"})
    void refusesNamingTheProblem(String what, String yaml, String message) {
        String document = yaml.replace("\\n", "\n");
        String full = document.startsWith("- name") ? "routes:\n" + document.indent(2) : document + "\n"
                + "routes:\n  - name: ok\n    paths: [/ok]\n    plugins: [{ name: ai-proxy, config: { route_type: "
                + "llm/v1/chat, model: { provider: mistral } } }]\n";

        assertThatThrownBy(() -> parse(full)).isInstanceOf(ConfigException.class).hasMessageContaining(message);
    }
}
