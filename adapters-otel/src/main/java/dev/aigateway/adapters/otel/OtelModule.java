package dev.aigateway.adapters.otel;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.aigateway.ports.ExchangeTracer;
import java.util.Map;
import javax.inject.Singleton;

/**
 * Exchanges as OpenTelemetry traces with the GenAI semantic conventions, exported over OTLP by the official SDK:
 * off unless {@link TracingSettings#enabled()}.
 */
@Module
public final class OtelModule {

    private OtelModule() { }

    /**
     * Whether to trace, and the SDK's settings by their {@code otel.*} property names (e.g.
     * {@code otel.exporter.otlp.endpoint}); the standard {@code OTEL_*} environment variables override them.
     */
    public record TracingSettings(boolean enabled, Map<String, String> properties) {
        /** No traces. */
        public static final TracingSettings OFF = new TracingSettings(false, Map.of());

        public TracingSettings {
            properties = Map.copyOf(properties);
        }
    }

    @Provides
    @Singleton
    static OtelTracing tracing(TracingSettings settings) {
        return OtelTracing.start(settings);
    }

    @Provides
    static ExchangeTracer tracer(OtelTracing tracing) {
        return tracing.tracer();
    }

    /** Spans still queued are exported before the gateway exits. */
    @Provides
    @IntoSet
    static AutoCloseable closesWithTheGateway(OtelTracing tracing) {
        return tracing;
    }
}
