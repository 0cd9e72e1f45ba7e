package dev.aigateway.adapters.mistral;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import dev.aigateway.ports.UpstreamProvider;
import java.time.Duration;
import javax.inject.Singleton;

/** Registers Mistral as the upstream provider {@code mistral}. */
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
        // Non-streamed answers of long completions can take minutes; per-route timeouts come with hardening.
        MistralHttp http = new MistralHttp(Duration.ofSeconds(10), Duration.ofSeconds(120));
        return new MistralProvider(http, MistralJson.newMapper());
    }
}
