package dev.aigateway.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigateway.domain.Secret;
import dev.aigateway.domain.error.GatewayError;
import dev.aigateway.domain.error.GatewayException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Consumer keys and Kong's acl groups. */
class AccessRulesTest {

    private static Set<String> groups(String list) {
        return list == null || list.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(list.split(" ")));
    }

    @ParameterizedTest(name = "allow=[{0}] deny=[{1}] groups=[{2}] -> {3}")
    @CsvSource(value = {
            "chat,     '',     chat,       true",
            "chat,     '',     'chat ops', true",
            "chat,     '',     ops,        false",
            "chat,     '',     '',         false",
            "'',       banned, ops,        true",
            "'',       banned, '',         true",
            "'',       banned, 'ops banned', false"})
    void aclAllowsOrDeniesByGroup(String allow, String deny, String consumerGroups, boolean admitted) {
        AccessList acl = new AccessList(groups(allow), groups(deny));
        Consumer consumer = new Consumer("c", groups(consumerGroups));

        if (admitted) {
            assertThatNoException().isThrownBy(() -> acl.check(consumer));
        } else {
            assertThatThrownBy(() -> acl.check(consumer)).isInstanceOf(GatewayException.class)
                    .extracting(e -> ((GatewayException) e).error()).isInstanceOf(GatewayError.Forbidden.class);
        }
    }

    @Test
    void aclTakesEitherAllowOrDeny() {
        assertThatThrownBy(() -> new AccessList(Set.of("a"), Set.of("b"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessList(Set.of(), Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysFindTheirConsumerAndNothingElse() {
        Consumer a = new Consumer("a", Set.of());
        ConsumerKeys keys = ConsumerKeys.of(Map.of(Secret.of("key-a"), a, Secret.of("key-b"),
                new Consumer("b", Set.of())));

        assertThat(keys.find(Secret.of("key-a"))).contains(a);
        assertThat(keys.find(Secret.of("key-a "))).isEmpty();
        assertThat(keys.find(Secret.of("KEY-A"))).isEmpty();
        assertThat(keys.toString()).isEqualTo("ConsumerKeys[2 keys]").doesNotContain("key-a");
        assertThatThrownBy(() -> ConsumerKeys.of(Map.of(Secret.of(""), a))).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void aConsumersOwnLimitsReplaceTheRoutesForThatConsumerOnly() {
        TokenLimits route = limits("route:chat", 100);
        TokenLimits own = limits("consumer:a", 5);
        KeyAuth keyAuth = new KeyAuth(java.util.List.of("apikey"), true, false, false, ConsumerKeys.none());
        RouteAccess access = new RouteAccess(java.util.Optional.of(keyAuth), java.util.Optional.empty(),
                java.util.Optional.of(route), Map.of("a", own));

        assertThat(access.tokenLimitsFor(java.util.Optional.of(new Consumer("a", Set.of())))).contains(own);
        assertThat(access.tokenLimitsFor(java.util.Optional.of(new Consumer("b", Set.of())))).contains(route);
        assertThat(access.tokenLimitsFor(java.util.Optional.empty())).contains(route);
        assertThat(access.allTokenLimits()).containsExactlyInAnyOrder(route, own);
        assertThatThrownBy(() -> new RouteAccess(java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), Map.of("a", own))).isInstanceOf(IllegalArgumentException.class);
    }

    private static TokenLimits limits(String scope, long limit) {
        return new TokenLimits(scope, CounterStore.LOCAL, WindowType.FIXED, TokenCount.TOTAL_TOKENS,
                java.util.List.of(new LimitPolicy(java.util.List.of(), java.util.List.of(new LimitWindow(limit, 60)))),
                false, 10);
    }

    @Test
    void anAclNeedsAnAuthenticatedConsumer() {
        assertThatThrownBy(() -> new RouteAccess(java.util.Optional.empty(),
                java.util.Optional.of(new AccessList(Set.of("a"), Set.of())), java.util.Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
