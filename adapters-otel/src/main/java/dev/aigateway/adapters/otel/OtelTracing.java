package dev.aigateway.adapters.otel;

import dev.aigateway.adapters.otel.OtelModule.TracingSettings;
import dev.aigateway.ports.ExchangeTracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The SDK, when tracing is on, and the tracer the core gets from it. */
final class OtelTracing implements AutoCloseable {
    /** The instrumentation scope the gateway's spans are reported under. */
    static final String SCOPE = "dev.aigateway";

    /**
     * What the gateway sets unless the configuration or an {@code OTEL_*} variable says otherwise: traces only
     * (the metrics are on {@code /metrics}), under the gateway's name, over OTLP/HTTP (the JDK's client sends
     * them; there is no gRPC sender on the class path).
     */
    static final Map<String, String> DEFAULTS = Map.of("otel.service.name", "ai-gateway",
            "otel.metrics.exporter", "none", "otel.logs.exporter", "none",
            "otel.exporter.otlp.protocol", "http/protobuf");

    private final Optional<OpenTelemetrySdk> sdk;
    private final ExchangeTracer tracer;

    private OtelTracing(Optional<OpenTelemetrySdk> sdk, ExchangeTracer tracer) {
        this.sdk = sdk;
        this.tracer = tracer;
    }

    static OtelTracing start(TracingSettings settings) {
        if (!settings.enabled()) {
            return new OtelTracing(Optional.empty(), ExchangeTracer.OFF);
        }
        Map<String, String> properties = new HashMap<>(DEFAULTS);
        properties.putAll(settings.properties());
        OpenTelemetrySdk sdk;
        try {
            sdk = AutoConfiguredOpenTelemetrySdk.builder().addPropertiesSupplier(() -> properties)
                    .disableShutdownHook().build().getOpenTelemetrySdk();
        } catch (ConfigurationException e) {
            // An OTEL_* variable or a server.tracing value the SDK refuses: said at start, as any bad setting is.
            throw new IllegalArgumentException("tracing: " + e.getMessage(), e);
        }
        return new OtelTracing(Optional.of(sdk), new GenAiTracer(sdk.getTracer(SCOPE),
                sdk.getPropagators().getTextMapPropagator()));
    }

    ExchangeTracer tracer() {
        return tracer;
    }

    /** Exports what is queued, waiting a few seconds at most, then stops the SDK. */
    @Override
    public void close() {
        sdk.ifPresent(s -> s.shutdown().join(5, TimeUnit.SECONDS));
    }
}
