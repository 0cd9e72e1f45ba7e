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
            "llm/v1/embeddings, EMBEDDINGS, EMBEDDINGS", "preserve, PRESERVE, PASSTHROUGH"})
    void mapsKongsNames(String configName, RouteType type, Capability capability) {
        assertThat(ConfigNamed.byConfigName(RouteType.class, configName)).contains(type);
        assertThat(type.configName()).isEqualTo(configName);
        assertThat(type.capability()).isEqualTo(capability);
    }

    @Test
    void knowsNoOtherName() {
        assertThat(ConfigNamed.byConfigName(RouteType.class, "llm/v1/chat/")).isEmpty();
        assertThat(ConfigNamed.byConfigName(RouteType.class, "LLM/V1/CHAT")).isEmpty();
    }
}
