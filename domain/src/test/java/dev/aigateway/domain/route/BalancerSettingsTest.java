package dev.aigateway.domain.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BalancerSettingsTest {

    static Stream<Arguments> criteria() {
        return Stream.of(
                Arguments.of(Set.of(FailoverCriterion.ERROR), Set.of()),
                Arguments.of(Set.of(FailoverCriterion.ERROR, FailoverCriterion.TIMEOUT),
                        Set.of(FailoverCriterion.TIMEOUT)),
                Arguments.of(Set.of(FailoverCriterion.HTTP_500, FailoverCriterion.INVALID_HEADER),
                        Set.of(FailoverCriterion.HTTP_500, FailoverCriterion.INVALID_HEADER)),
                Arguments.of(Set.of(FailoverCriterion.HTTP_500, FailoverCriterion.NON_IDEMPOTENT), Set.of()));
    }

    @ParameterizedTest(name = "{0} -> cannot fire: {1}")
    @MethodSource("criteria")
    void namesTheCriteriaThatNeverMoveAPost(Set<FailoverCriterion> listed, Set<FailoverCriterion> idle) {
        BalancerSettings settings = new BalancerSettings(BalancerAlgorithm.ROUND_ROBIN, 1, listed, Optional.empty(),
                true, BalancerSettings.UsageMetric.TOTAL_TOKENS, 0, Duration.ofSeconds(10), Optional.empty());

        assertThat(settings.criteriaThatCannotFire()).isEqualTo(idle);
    }
}
