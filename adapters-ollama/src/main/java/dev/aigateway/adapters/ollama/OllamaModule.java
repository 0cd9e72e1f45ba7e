package dev.aigateway.adapters.ollama;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.UpstreamHttp;
import dev.aigateway.ports.ProviderOptionsReader;
import dev.aigateway.ports.UpstreamProvider;
import javax.inject.Singleton;

/** Registers Ollama's native API as the upstream provider {@code ollama}; it has no options of its own. */
@Module
public final class OllamaModule {
    /** The provider id routes name in {@code model.provider}, and Mistral targets delegate to. */
    public static final String PROVIDER_ID = "ollama";

    private OllamaModule() { }

    @Provides
    @Singleton
    @IntoMap
    @StringKey(PROVIDER_ID)
    static UpstreamProvider ollama() {
        return new OllamaProvider(UpstreamHttp.create(OllamaProvider.NAME), JsonTrees.newMapper());
    }

    @Provides
    @IntoMap
    @StringKey(PROVIDER_ID)
    static ProviderOptionsReader ollamaOptions() {
        return ProviderOptionsReader.none();
    }
}
