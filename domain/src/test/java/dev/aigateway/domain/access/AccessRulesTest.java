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
    void anAclNeedsAnAuthenticatedConsumer() {
        assertThatThrownBy(() -> new RouteAccess(java.util.Optional.empty(),
                java.util.Optional.of(new AccessList(Set.of("a"), Set.of())), java.util.Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
