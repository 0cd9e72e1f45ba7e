package dev.aigateway.app;

import dagger.BindsInstance;
import dagger.Component;
import dev.aigateway.adapters.http.HttpModule;
import dev.aigateway.adapters.mistral.MistralModule;
import dev.aigateway.ports.engine.Readiness;
import io.helidon.webserver.WebServer;
import javax.inject.Singleton;

/** The gateway as one object graph: each adapter contributes its module; a provider is one more module here. */
@Singleton
@Component(modules = {CoreModule.class, HttpModule.class, MistralModule.class})
interface GatewayComponent {

    WebServer server();

    Readiness readiness();

    @Component.Factory
    interface Factory {
        GatewayComponent create(@BindsInstance GatewayConfig config);
    }
}
