package dev.aigateway.ports.engine.balance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.domain.embedding.EmbeddingVector;
import dev.aigateway.domain.route.SemanticSettings;
import dev.aigateway.domain.route.UpstreamTarget;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Semantic routing: the target whose description is nearest the prompt, else the catch-all. */
class SemanticBalancerTest {
    private static final Map<String, EmbeddingVector> SPACE = Map.of(
            "code", EmbeddingVector.of(1, 0, 0),
            "weather", EmbeddingVector.of(0, 1, 0),
            "write a function", EmbeddingVector.of(0.9, 0.1, 0),
            "will it rain", EmbeddingVector.of(0.1, 0.95, 0),
            "poetry", EmbeddingVector.of(0, 0, 1));

    @Test
    void picksTheTargetWhoseDescriptionIsNearestThePrompt() {
        SemanticBalancer balancer = balancer(0.8, 2);

        assertThat(balancer.pick(Set.of(), "write a function")).isEqualTo(0);
        assertThat(balancer.pick(Set.of(), "will it rain")).isEqualTo(1);
    }

    @Test
    void aPromptNearNoDescriptionGoesToTheCatchAll() {
        assertThat(balancer(0.8, 2).pick(Set.of(), "poetry")).isEqualTo(2);
    }

    @Test
    void withoutACatchAllTheNearestAnswersAnyway() {
        assertThat(balancer(0.8, -1).pick(Set.of(), "poetry")).isIn(0, 1);
    }

    @Test
    void anExcludedTargetIsPassedOver() {
        assertThat(balancer(0.8, 2).pick(Set.of(0), "write a function")).isEqualTo(2);
    }

    private static SemanticBalancer balancer(double threshold, int catchAll) {
        List<EmbeddingVector> descriptions = Arrays.asList(SPACE.get("code"), SPACE.get("weather"),
                catchAll == 2 ? null : SPACE.get("weather"));
        SemanticSettings settings = new SemanticSettings(new UpstreamTarget("mistral", Optional.empty(),
                Optional.empty(), Optional.empty()), "mistral-embed", threshold, true);
        return new SemanticBalancer(catchAll == 2 ? descriptions : descriptions.subList(0, 2), catchAll, settings,
                SPACE::get);
    }
}
