package dev.aigateway.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigateway.domain.Usage;
import dev.aigateway.domain.chat.ChatRequest;
import dev.aigateway.domain.chat.Content;
import dev.aigateway.domain.chat.Message;
import dev.aigateway.domain.route.Pricing;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which windows a request counts in, what it counts, and how a window weighs its previous period. */
class TokenLimitsTest {
    private static final LimitWindow MINUTE = new LimitWindow(100, 60);

    private static LimitSubject subject(String consumer, String model, String team) {
        return new LimitSubject(Optional.ofNullable(consumer).map(name -> new Consumer(name, Set.of())), model,
                team == null ? Map.of() : Map.of("x-team", team), "/v1/chat/completions");
    }

    private static TokenLimits limits(LimitMatch... match) {
        return new TokenLimits("chat", CounterStore.LOCAL, WindowType.SLIDING, TokenCount.TOTAL_TOKENS,
                List.of(new LimitPolicy(List.of(match), List.of(MINUTE, new LimitWindow(1000, 3600)))), false, 1024);
    }

    @Test
    void aPolicyPartitionedByConsumerGivesEachConsumerItsOwnCounters() {
        TokenLimits limits = limits(new LimitMatch(LimitMatch.Type.CONSUMER, Optional.empty(), Set.of(), true));

        List<LimitCounter> a = limits.countersFor(subject("team-a", "m", null));
        List<LimitCounter> b = limits.countersFor(subject("team-b", "m", null));

        assertThat(a).hasSize(2).extracting(LimitCounter::window).containsExactly(MINUTE, new LimitWindow(1000, 3600));
        assertThat(a.get(0).id()).isNotEqualTo(b.get(0).id());
        assertThat(limits.countersFor(subject("team-a", "other-model", null))).isEqualTo(a);
        assertThat(limits.countersFor(subject(null, "m", null))).isEmpty();
    }

    @Test
    void anUnpartitionedPolicyIsOneCounterForEveryoneItMatches() {
        TokenLimits limits = limits(new LimitMatch(LimitMatch.Type.MODEL, Optional.empty(), Set.of("big"), false));

        assertThat(limits.countersFor(subject("a", "big", null))).isEqualTo(limits.countersFor(subject("b", "big",
                null)));
        assertThat(limits.countersFor(subject("a", "small", null))).isEmpty();
    }

    @Test
    void conditionsAreAndedAndHeadersMatchByValue() {
        TokenLimits limits = limits(new LimitMatch(LimitMatch.Type.CONSUMER, Optional.empty(), Set.of(), true),
                new LimitMatch(LimitMatch.Type.HEADER, Optional.of("X-Team"), Set.of("red"), false));

        assertThat(limits.countersFor(subject("a", "m", "red"))).hasSize(2);
        assertThat(limits.countersFor(subject("a", "m", "blue"))).isEmpty();
        assertThat(limits.countersFor(subject("a", "m", null))).isEmpty();
    }

    @Test
    void partitionValuesCannotBeForgedToCollide() {
        TokenLimits limits = limits(new LimitMatch(LimitMatch.Type.CONSUMER, Optional.empty(), Set.of(), true),
                new LimitMatch(LimitMatch.Type.MODEL, Optional.empty(), Set.of(), true));

        assertThat(limits.countersFor(subject("a:b", "c", null)).get(0).id())
                .isNotEqualTo(limits.countersFor(subject("a", "b:c", null)).get(0).id());
    }

    @ParameterizedTest(name = "{0}: current={1} previous={2} at {3} of 60000 ms -> {4}")
    @CsvSource({
            "SLIDING, 10, 100, 0,     110",
            "SLIDING, 10, 100, 30000, 60",
            "SLIDING, 10, 100, 59999, 10",
            "FIXED,   10, 100, 0,     10",
            "FIXED,   10, 100, 30000, 10"})
    void windowsWeighThePreviousPeriodByItsOverlap(WindowType type, long current, long previous, long elapsed,
                                                   long used) {
        assertThat(type.used(current, previous, elapsed, 60_000)).isEqualTo(used);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "TOTAL_TOKENS,      1500",
            "PROMPT_TOKENS,     1000",
            "COMPLETION_TOKENS, 500",
            "COST,              3500"})
    void countsInWholeUnits(TokenCount count, long units) {
        Optional<Pricing> pricing = Optional.of(new Pricing(2, 3));

        Usage usage = new Usage(1000, 500, 1500);

        assertThat(count.units(usage, pricing.map(p -> p.costOf(usage)))).isEqualTo(units);
    }

    @Test
    void aPromptIsEstimatedAtOneTokenPerThreeCharactersPlusFourPerMessage() {
        ChatRequest request = ChatRequest.builder().model("m")
                .message(new Message.System(new Content.Text("abcdef"), Optional.empty()))
                .message(new Message.User(new Content.Text("abcdefg"), Optional.empty())).build();

        assertThat(TokenEstimate.promptTokens(request)).isEqualTo((13 + 2) / 3 + 8);
    }
}
