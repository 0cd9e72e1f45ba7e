package dev.aigateway.examples.embedded;

import dagger.BindsInstance;
import dagger.Component;
import dev.aigateway.adapters.mistral.MistralModule;
import dev.aigateway.domain.route.Route;
import java.util.List;
import javax.inject.Singleton;

/** This gateway as one object graph: its own core wiring and the product's Mistral module; no HTTP, no app. */
@Singleton
@Component(modules = {EmbeddedModule.class, MistralModule.class})
public interface EmbeddedGatewayComponent {

    EmbeddedGateway gateway();

    /** Builds the graph for routes written in Java, with the domain's records. */
    @Component.Factory
    interface Factory {
        EmbeddedGatewayComponent create(@BindsInstance List<Route> routes);
    }
}
