package dev.aigateway.domain.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Kong's {@code ai-rate-limiting-advanced} on a route: what is counted, in which windows, where the counters live.
 * A request reserves its worst case in every window it counts in before it goes upstream, and the reservation is
 * replaced by the provider's usage when the answer ends.
 *
 * @param scope what the counters belong to (a route's name, or the plugin that applies to every route)
 * @param failOpen when the counter store cannot answer in time: serve unchecked (true) or refuse with 503 (false)
 * @param estimatedCompletionTokens what a request without {@code max_tokens} reserves for its answer
 */
public record TokenLimits(String scope, CounterStore store, WindowType windowType, TokenCount count,
                          List<LimitPolicy> policies, boolean failOpen, int estimatedCompletionTokens) {
    /** This gateway's default for {@code estimated_completion_tokens}. */
    public static final int DEFAULT_ESTIMATED_COMPLETION_TOKENS = 1024;

    public TokenLimits {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(windowType, "windowType");
        Objects.requireNonNull(count, "count");
        policies = List.copyOf(policies);
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("token limits need at least one policy");
        }
        if (estimatedCompletionTokens < 0) {
            throw new IllegalArgumentException("estimated completion tokens cannot be negative");
        }
    }

    /** The windows this request counts in: each limit of each policy that applies to it. */
    public List<LimitCounter> countersFor(LimitSubject subject) {
        List<LimitCounter> counters = new ArrayList<>();
        for (int index = 0; index < policies.size(); index++) {
            LimitPolicy policy = policies.get(index);
            Optional<String> partition = policy.partition(subject);
            if (partition.isEmpty()) {
                continue;
            }
            for (LimitWindow window : policy.limits()) {
                counters.add(new LimitCounter(scope.length() + ":" + scope + ":" + index + ":" + partition.get() + ":"
                        + window.windowSeconds() + ":" + windowType.configName() + ":" + count.configName(),
                        index, window, windowType));
            }
        }
        return counters;
    }
}
