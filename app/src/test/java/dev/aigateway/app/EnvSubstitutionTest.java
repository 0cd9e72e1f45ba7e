package dev.aigateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** This gateway's ${NAME} references and decK's ${{ env "DECK_NAME" }} in config values. */
class EnvSubstitutionTest {
    private static final Map<String, String> ENV = Map.of("KEY", "sk-1", "DECK_MISTRAL_KEY", "sk-2");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Bearer ${KEY}                              | Bearer sk-1",
            "${MISSING:fallback}                        | fallback",
            "Bearer ${{ env \"DECK_MISTRAL_KEY\" }}     | Bearer sk-2",
            "${{env \"DECK_MISTRAL_KEY\"}}/${KEY}       | sk-2/sk-1",
            "no reference                               | no reference"})
    void replacesEveryReference(String value, String expected) {
        assertThat(new EnvSubstitution(ENV, warning -> { }).apply(value, "f")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "${NOT_SET}                          | f: environment variable NOT_SET is not set",
            "${{ env \"DECK_NOT_SET\" }}         | f: environment variable DECK_NOT_SET is not set"})
    void anUnsetVariableWithoutDefaultIsAConfigError(String value, String message) {
        assertThatThrownBy(() -> new EnvSubstitution(ENV, warning -> { }).apply(value, "f"))
                .isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"${EMPTY_DEFAULT:}"})
    void anEmptyDefaultIsUsedWithAWarning(String value) {
        List<String> warnings = new ArrayList<>();

        assertThat(new EnvSubstitution(ENV, warnings::add).apply(value, "f")).isEmpty();
        assertThat(warnings).singleElement().asString().contains("EMPTY_DEFAULT");
    }
}
