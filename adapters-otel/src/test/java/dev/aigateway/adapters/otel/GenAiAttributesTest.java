package dev.aigateway.adapters.otel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.domain.error.GatewayError;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GenAiAttributesTest {

    static Stream<Arguments> providers() {
        return Stream.of(
                Arguments.of("mistral", "mistral_ai"),
                Arguments.of("openai", "openai"),
                Arguments.of("ollama", "ollama"),
                Arguments.of("someone-new", "someone-new"));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void providerNamesFollowTheConventions(String id, String name) {
        assertThat(GenAiAttributes.providerName(id)).isEqualTo(name);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(new GatewayError.UpstreamTimeout("slow"), "upstream_timeout"),
                Arguments.of(new GatewayError.UpstreamUnreachable("refused", false), "upstream_unreachable"),
                Arguments.of(new GatewayError.UpstreamRejected(429, "busy", Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty()), "429"),
                Arguments.of(new GatewayError.InvalidRequest("bad", Optional.of("messages"), Optional.empty()), "invalid_request"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void errorTypesAreLowCardinality(GatewayError error, String type) {
        assertThat(GenAiAttributes.errorType(error)).isEqualTo(type);
    }

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("chat", "mistral-small-latest", "chat mistral-small-latest"),
                Arguments.of("embeddings", "", "embeddings"));
    }

    @ParameterizedTest
    @MethodSource("names")
    void spanNamesAreTheOperationAndTheModel(String operation, String model, String name) {
        assertThat(GenAiAttributes.spanName(operation, model)).isEqualTo(name);
    }
}
