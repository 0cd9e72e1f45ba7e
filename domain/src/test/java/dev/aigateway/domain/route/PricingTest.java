package dev.aigateway.domain.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aigateway.domain.Usage;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kong's cost formula, with cached prompt tokens at their own price when the route gives one. */
class PricingTest {

    @ParameterizedTest(name = "prompt={0} cached={1} completion={2} cachedPrice={3} -> {4}")
    @CsvSource(nullValues = "-", value = {
            "1000, 0,    500, -,   0.0050",
            "1000, 800,  500, -,   0.0050",
            "1000, 800,  500, 0.2, 0.00356",
            "1000, 1200, 500, 0.2, 0.0032",
            "0,    0,    0,   0.2, 0"})
    void costsTheTokensAtTheirPrices(int prompt, int cached, int completion, Double cachedPrice, double cost) {
        Pricing pricing = new Pricing(2, 6, Optional.ofNullable(cachedPrice));

        assertThat(pricing.costOf(new Usage(prompt, completion, prompt + completion, cached, 0)))
                .isCloseTo(cost, within(1e-12));
    }

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @CsvSource(nullValues = "-", value = {"-1, 1, -", "1, NaN, -", "1, 1, -0.5", "1, 1, NaN"})
    void refusesNegativeOrMissingPrices(double input, double output, Double cached) {
        assertThatThrownBy(() -> new Pricing(input, output, Optional.ofNullable(cached)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
