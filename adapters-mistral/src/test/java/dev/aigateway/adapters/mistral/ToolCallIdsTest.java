package dev.aigateway.adapters.mistral;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToolCallIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"call_abc123", "turn1_0", "toolu_01A09q90qw90lq917835lq9", "x", "abcdefghij", "ab-cdefgh"})
    void mapsInvalidIdsToNineAlphanumerics(String clientId) {
        assertThat(ToolCallIds.toMistral(clientId)).matches("[a-zA-Z0-9]{9}");
    }

    @Test
    void keepsAnIdMistralAlreadyAccepts() {
        assertThat(ToolCallIds.toMistral("D681PevKs")).isEqualTo("D681PevKs");
    }

    @Test
    void mapsTheSameIdTheSameWayOnEveryInstanceAndRelease() {
        // Clients replay history through whichever instance they reach, old or new: a change of this mapping
        // would break conversations under way. This pin makes such a change a deliberate one.
        assertThat(ToolCallIds.toMistral("call_abc123")).isEqualTo("zaj37u8iO");
    }

    @Test
    void mapsDifferentIdsApart() {
        assertThat(ToolCallIds.toMistral("call_1")).isNotEqualTo(ToolCallIds.toMistral("call_2"));
    }
}
