package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.adapters.otel.OtelModule.TracingSettings;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code server.tracing}: off by default, on by the block or by an OTLP endpoint in the environment. */
class TracingConfigTest {
    private static final String ROUTES = """
            routes:
              - name: r
                paths: [/v1/chat/completions]
                plugins:
                  - name: ai-proxy
                    config: { route_type: llm/v1/chat, model: { provider: mistral } }
            """;

    @Test
    void offByDefault() {
        assertThat(tracing("", Map.of())).isEqualTo(new TracingSettings(false, Map.of()));
    }

    @Test
    void theBlocksFieldsBecomeTheSdksProperties() {
        TracingSettings settings = tracing("server: { tracing: { enabled: true, endpoint: \"http://collector:4318\","
                + " service_name: gw, sampler: parentbased_traceidratio, sampler_arg: 0.25, export_delay_ms: 500 } }\n",
                Map.of());

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.properties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "otel.exporter.otlp.endpoint", "http://collector:4318", "otel.service.name", "gw",
                "otel.traces.sampler", "parentbased_traceidratio", "otel.traces.sampler.arg", "0.25",
                "otel.bsp.schedule.delay", "500"));
    }

    @ParameterizedTest
    @CsvSource({"OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"})
    void anOtlpEndpointInTheEnvironmentTurnsItOn(String variable) {
        assertThat(tracing("", Map.of(variable, "http://collector:4318")).enabled()).isTrue();
        assertThat(tracing("server: { tracing: { enabled: false } }\n", Map.of(variable, "http://c:4318")).enabled())
                .as("unless the block says no").isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "protocol: grpc | server.tracing.protocol is not implemented yet",
            "endpoint: \"collector:4318\" | server.tracing.endpoint must be an http or https URL",
            "export_delay_ms: 0 | server.tracing.export_delay_ms must be positive",
            "headers: x | server.tracing.headers is not a known field"})
    void refusesWhatItCannotHonour(String field, String message) {
        assertThatThrownBy(() -> tracing("server: { tracing: { " + field + " } }\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(message);
    }

    private static TracingSettings tracing(String server, Map<String, String> env) {
        return new ConfigLoader(env, warning -> { }).parse((server + ROUTES).getBytes(StandardCharsets.UTF_8),
                "test.yaml", TestGateways.providers()).tracing();
    }
}
