package dev.aigateway.domain.access;

import java.util.List;
import java.util.Optional;

/**
 * One policy of a token limit (Kong's {@code policies[]} entry): the requests it applies to and their windows.
 *
 * @param match conditions that must all hold; none: every request
 * @param limits the windows each matching request counts in
 */
public record LimitPolicy(List<LimitMatch> match, List<LimitWindow> limits) {
    public LimitPolicy {
        match = List.copyOf(match);
        limits = List.copyOf(limits);
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("a policy needs at least one limit");
        }
    }

    /**
     * Which counter the request counts in under this policy: the values of the partitioning conditions, joined;
     * empty when a condition does not hold and the policy does not apply.
     */
    Optional<String> partition(LimitSubject subject) {
        StringBuilder partition = new StringBuilder();
        for (LimitMatch condition : match) {
            Optional<String> value = condition.valueOf(subject);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            if (condition.partitionBy()) {
                String text = value.get();
                // Length-prefixed, so that no value can be made to look like two.
                partition.append(condition.type().configName()).append(text.length()).append(':').append(text);
            }
        }
        return Optional.of(partition.toString());
    }
}
