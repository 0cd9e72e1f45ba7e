package dev.aigateway.app;

import dagger.BindsInstance;
import dagger.Component;
import dev.aigateway.adapters.http.HttpModule;
import dev.aigateway.adapters.mistral.MistralModule;
import dev.aigateway.adapters.ollama.OllamaModule;
import dev.aigateway.adapters.openai.OpenAiModule;
import dev.aigateway.adapters.otel.OtelModule;
import dev.aigateway.adapters.redis.RedisModule;
import dev.aigateway.domain.access.CounterStore;
import dev.aigateway.ports.ConfigReload;
import dev.aigateway.ports.ProviderOptionsReader;
import dev.aigateway.ports.TokenWindows;
import dev.aigateway.ports.engine.Readiness;
import io.helidon.webserver.WebServer;
import java.util.Map;
import java.util.Set;
import javax.inject.Singleton;

/** The gateway as one object graph: each adapter contributes its module; a provider is one more module here. */
@Singleton
@Component(modules = {CoreModule.class, HttpModule.class, MistralModule.class, OllamaModule.class,
        OpenAiModule.class, RedisModule.class, OtelModule.class})
interface GatewayComponent {

    /** The configuration, read from the source the component was made with; a {@link ConfigException} if invalid. */
    GatewayConfig config();

    WebServer server();

    Readiness readiness();

    /** The token-limit counter stores the routes use. */
    Map<CounterStore, TokenWindows> counterStores();

    /** Reloads the configuration (on SIGHUP, and behind the admin listener's {@code POST /config}). */
    ConfigReload configReload();

    /** What holds connections of its own (a counter store's), closed after the server stops. */
    Set<AutoCloseable> closedWithTheGateway();

    /** Each provider's options reader, by provider id: what a configuration may name. */
    Map<String, ProviderOptionsReader> optionsReaders();

    @Component.Factory
    interface Factory {
        GatewayComponent create(@BindsInstance ConfigSource source);
    }
}
