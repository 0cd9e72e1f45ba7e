package dev.aigateway.app;

import dev.aigateway.adapters.otel.OtelModule.TracingSettings;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code server.tracing}. Tracing is off unless the block says {@code enabled: true} or the environment
 * names an OTLP endpoint ({@code OTEL_EXPORTER_OTLP_ENDPOINT} or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}), as an
 * OpenTelemetry-instrumented service would; the standard {@code OTEL_*} variables override the block's values.
 */
final class TracingConfigReader {
    /** The block's fields and the SDK property each one sets. */
    private static final Map<String, String> PROPERTIES = Map.of(
            "endpoint", "otel.exporter.otlp.endpoint",
            "service_name", "otel.service.name",
            "sampler", "otel.traces.sampler",
            "sampler_arg", "otel.traces.sampler.arg",
            "export_delay_ms", "otel.bsp.schedule.delay");
    private static final Set<String> ENDPOINT_VARIABLES = Set.of("OTEL_EXPORTER_OTLP_ENDPOINT",
            "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");

    private TracingConfigReader() { }

    static TracingSettings read(ConfigNode node) {
        Set<String> fields = new HashSet<>(PROPERTIES.keySet());
        fields.add("enabled");
        node.allowOnly(fields, Map.of("protocol", "traces are sent over OTLP/HTTP (protobuf)"));
        node.string("endpoint").ifPresent(endpoint -> requireHttpUrl(node, endpoint));
        node.integer("export_delay_ms").filter(delay -> delay < 1)
                .ifPresent(delay -> {
                    throw node.error("export_delay_ms", "must be positive");
                });
        boolean enabled = node.bool("enabled").orElseGet(() -> ENDPOINT_VARIABLES.stream()
                .anyMatch(name -> node.environment(name).filter(value -> !value.isBlank()).isPresent()));
        Map<String, String> properties = new HashMap<>();
        PROPERTIES.forEach((field, property) -> node.string(field).ifPresent(value -> properties.put(property,
                value)));
        return new TracingSettings(enabled, properties);
    }

    private static void requireHttpUrl(ConfigNode node, String endpoint) {
        try {
            URI uri = URI.create(endpoint);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return;
            }
        } catch (IllegalArgumentException notAUri) {
            // refused below
        }
        throw node.error("endpoint", "must be an http or https URL of an OTLP/HTTP collector, got '" + endpoint + "'");
    }
}
