package dev.aigateway.domain.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.domain.ConfigNamed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The route-type table: Kong's names and the capability each one serves. */
class RouteTypeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"llm/v1/chat, CHAT, CHAT", "llm/v1/completions, COMPLETIONS, COMPLETIONS",
            "llm/v1/embeddings, EMBEDDINGS, EMBEDDINGS", "preserve, PRESERVE, PASSTHROUGH",
            "mistral/v1/ocr, MISTRAL_OCR, NATIVE", "mistral/v1/moderations, MISTRAL_MODERATIONS, NATIVE",
            "mistral/v1/chat/moderations, MISTRAL_CHAT_MODERATIONS, NATIVE",
            "mistral/v1/classifications, MISTRAL_CLASSIFICATIONS, NATIVE",
            "mistral/v1/chat/classifications, MISTRAL_CHAT_CLASSIFICATIONS, NATIVE",
            "mistral/v1/audio/transcriptions, MISTRAL_AUDIO_TRANSCRIPTIONS, NATIVE",
            "mistral/v1/conversations, MISTRAL_CONVERSATIONS, NATIVE", "mistral/v1/files, MISTRAL_FILES, NATIVE",
            "mistral/v1/batch/jobs, MISTRAL_BATCH_JOBS, NATIVE"})
    void mapsKongsNames(String configName, RouteType type, Capability capability) {
        assertThat(ConfigNamed.byConfigName(RouteType.class, configName)).contains(type);
        assertThat(type.configName()).isEqualTo(configName);
        assertThat(type.capability()).isEqualTo(capability);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CHAT, false, true", "EMBEDDINGS, false, false", "PRESERVE, true, true", "MISTRAL_OCR, false, false",
            "MISTRAL_MODERATIONS, false, false", "MISTRAL_CONVERSATIONS, true, true", "MISTRAL_FILES, true, false",
            "MISTRAL_BATCH_JOBS, true, false", "MISTRAL_AUDIO_TRANSCRIPTIONS, false, true"})
    void saysWhichMethodsItTakesAndWhetherItGeneratesText(RouteType type, boolean anyMethod, boolean generates) {
        assertThat(type.takesAnyMethod()).isEqualTo(anyMethod);
        assertThat(type.generatesText()).isEqualTo(generates);
    }

    @Test
    void knowsNoOtherName() {
        assertThat(ConfigNamed.byConfigName(RouteType.class, "llm/v1/chat/")).isEmpty();
        assertThat(ConfigNamed.byConfigName(RouteType.class, "LLM/V1/CHAT")).isEmpty();
    }
}
