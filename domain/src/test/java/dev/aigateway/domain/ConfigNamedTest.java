package dev.aigateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.domain.access.LimitMatch;
import dev.aigateway.domain.route.BalancerAlgorithm;
import dev.aigateway.domain.route.FailoverCriterion;
import org.junit.jupiter.api.Test;

class ConfigNamedTest {

    @Test
    void findsAConstantByItsConfigurationNameExactly() {
        assertThat(ConfigNamed.byConfigName(BalancerAlgorithm.class, "round-robin"))
                .contains(BalancerAlgorithm.ROUND_ROBIN);
        assertThat(ConfigNamed.byConfigName(FailoverCriterion.class, "http_429")).contains(FailoverCriterion.HTTP_429);
        assertThat(ConfigNamed.byConfigName(LimitMatch.Type.class, "header")).contains(LimitMatch.Type.HEADER);
        assertThat(ConfigNamed.byConfigName(BalancerAlgorithm.class, "ROUND-ROBIN")).isEmpty();
        assertThat(ConfigNamed.byConfigName(BalancerAlgorithm.class, "round_robin")).isEmpty();
    }

    @Test
    void listsTheNamesInDeclarationOrder() {
        assertThat(ConfigNamed.configNames(LimitMatch.Type.class)).containsExactly("consumer", "model", "header", "path");
    }
}
