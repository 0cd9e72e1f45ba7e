package dev.aigateway.app;

import dev.aigateway.fakemistral.FakeMistral;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fake Mistral, a gateway in front of it (the embedded default's routes plus a test's own) and an HTTP client for
 * it, started before each test and stopped after it. Register it with {@code @RegisterExtension}; a test's own
 * {@code @BeforeEach} runs after the gateway started.
 */
final class GatewayFixture implements BeforeEachCallback, AfterEachCallback {
    private final String key;
    private final String serverSettings;
    private final Function<FakeMistral, String> extraRoutes;
    /** A whole configuration replacing the default routes and the extra ones; null for those. */
    private final Function<FakeMistral, String> document;
    private FakeMistral mistral;
    private Gateway gateway;
    private HttpExchanges http;

    private GatewayFixture(String key, String serverSettings, Function<FakeMistral, String> extraRoutes,
                           Function<FakeMistral, String> document) {
        this.key = key;
        this.serverSettings = serverSettings;
        this.extraRoutes = extraRoutes;
        this.document = document;
    }

    /** The gateway's default routes in front of a fake Mistral that accepts only {@code key}. */
    static GatewayFixture withKey(String key) {
        return new GatewayFixture(key, "", mistral -> "", null);
    }

    /** A gateway on a whole configuration of the test's own (consumers, plugins), knowing the fake's address. */
    static GatewayFixture withDocument(String key, Function<FakeMistral, String> document) {
        return new GatewayFixture(key, "", mistral -> "", document);
    }

    /** With extra settings in the {@code server} block (YAML flow-map entries, e.g. {@code a: 1, b: 2}). */
    GatewayFixture serverSettings(String settings) {
        return new GatewayFixture(key, settings, extraRoutes, document);
    }

    /** With more routes, written knowing the fake's address. */
    GatewayFixture routes(Function<FakeMistral, String> routes) {
        return new GatewayFixture(key, serverSettings, routes, document);
    }

    /** With more routes that need not know the fake's address. */
    GatewayFixture routes(String routes) {
        return routes(mistral -> routes);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        mistral = FakeMistral.start(key);
        gateway = document != null ? TestGateways.start(document.apply(mistral))
                : TestGateways.inFrontOf(mistral, key, serverSettings, extraRoutes.apply(mistral));
        http = new HttpExchanges(gateway.port());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (gateway != null) {
            gateway.close();
        }
        mistral.close();
    }

    FakeMistral mistral() {
        return mistral;
    }

    Gateway gateway() {
        return gateway;
    }

    int port() {
        return gateway.port();
    }

    HttpExchanges http() {
        return http;
    }
}
