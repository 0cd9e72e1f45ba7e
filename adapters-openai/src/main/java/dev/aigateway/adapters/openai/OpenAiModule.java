package dev.aigateway.adapters.openai;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import dev.aigateway.egress.JsonTrees;
import dev.aigateway.egress.UpstreamHttp;
import dev.aigateway.ports.ProviderOptionsReader;
import dev.aigateway.ports.UpstreamProvider;
import javax.inject.Singleton;

/** Registers OpenAI and OpenAI-compatible servers as the upstream provider {@code openai}; no options of its own. */
@Module
public final class OpenAiModule {
    /** The provider id routes name in {@code model.provider}. */
    public static final String PROVIDER_ID = "openai";

    private OpenAiModule() { }

    @Provides
    @Singleton
    @IntoMap
    @StringKey(PROVIDER_ID)
    static UpstreamProvider openAi() {
        return new OpenAiProvider(UpstreamHttp.create(OpenAiProvider.NAME), JsonTrees.newMapper());
    }

    @Provides
    @IntoMap
    @StringKey(PROVIDER_ID)
    static ProviderOptionsReader openAiOptions() {
        return ProviderOptionsReader.none();
    }
}
