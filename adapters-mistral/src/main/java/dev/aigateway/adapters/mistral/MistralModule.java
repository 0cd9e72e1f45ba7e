package dev.aigateway.adapters.mistral;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.UpstreamHttp;
import dev.aigateway.ports.ProviderOptionsReader;
import dev.aigateway.ports.UpstreamProvider;
import javax.inject.Singleton;

/** Registers Mistral as the upstream provider {@code mistral}, with the reader of its own options. */
@Module
public final class MistralModule {
    /** The provider id routes name in {@code model.provider}. */
    public static final String PROVIDER_ID = "mistral";

    private MistralModule() { }

    @Provides
    @Singleton
    @IntoMap
    @StringKey(PROVIDER_ID)
    static UpstreamProvider mistral() {
        return new MistralProvider(UpstreamHttp.create(MistralProvider.NAME), JsonTrees.newMapper());
    }

    @Provides
    @IntoMap
    @StringKey(PROVIDER_ID)
    static ProviderOptionsReader mistralOptions() {
        return MistralOptions.READER;
    }
}
