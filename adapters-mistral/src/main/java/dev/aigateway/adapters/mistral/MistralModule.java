package dev.aigateway.adapters.mistral;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import dev.aigateway.ports.UpstreamProvider;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
        // One platform thread checks every stream's idle and total timeouts; the checks are rare and short.
        ScheduledExecutorService watchdogs = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mistral-stream-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        return new MistralProvider(new MistralHttp(watchdogs), MistralJson.newMapper());
    }
}
