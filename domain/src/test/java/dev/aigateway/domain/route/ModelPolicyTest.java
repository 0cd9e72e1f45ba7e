package dev.aigateway.domain.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kong's model resolution: configured {@code model.name} against the request's {@code model}. */
class ModelPolicyTest {

    @ParameterizedTest(name = "configured={0}, requested={1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "-,                    mistral-small-latest, mistral-small-latest",
            "mistral-large-latest, -,                    mistral-large-latest",
            "mistral-large-latest, mistral-large-latest, mistral-large-latest",
            "mistral-large-latest, '',                   mistral-large-latest",
            "'',                   mistral-small-latest, mistral-small-latest"})
    void resolves(String configured, String requested, String expected) {
        ModelPolicy policy = new ModelPolicy(Optional.ofNullable(configured));

        assertThat(policy.resolve(Optional.ofNullable(requested))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "configured={0}, requested={1}")
    @CsvSource(nullValues = "-", value = {
            "mistral-large-latest, mistral-small-latest, cannot use own model - must be: mistral-large-latest",
            "-,                    -,                    'model parameter not found in request, nor in gateway configuration'",
            "-,                    '   ',                'model parameter not found in request, nor in gateway configuration'"})
    void refusesWithKongsMessages(String configured, String requested, String message) {
        ModelPolicy policy = new ModelPolicy(Optional.ofNullable(configured));

        assertThatThrownBy(() -> policy.resolve(Optional.ofNullable(requested)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.error())
                        .isEqualTo(new GatewayError.InvalidRequest(message, Optional.of("model"), Optional.empty())));
    }

    @ParameterizedTest(name = "alias {0} of {1}, requested={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "smart, mistral-large-latest, smart,                mistral-large-latest",
            "smart, mistral-large-latest, mistral-large-latest, mistral-large-latest",
            "smart, mistral-large-latest, -,                    mistral-large-latest"})
    void anAliasStandsForTheFixedModel(String alias, String fixed, String requested, String expected) {
        ModelPolicy policy = new ModelPolicy(Optional.of(fixed), Optional.of(alias));

        assertThat(policy.resolve(Optional.ofNullable(requested))).isEqualTo(expected);
        assertThat(policy.answersTo(Optional.ofNullable(requested))).isEqualTo(alias.equals(requested));
    }

    @org.junit.jupiter.api.Test
    void anAliasNeedsTheModelItStandsFor() {
        assertThatThrownBy(() -> new ModelPolicy(Optional.empty(), Optional.of("smart")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
