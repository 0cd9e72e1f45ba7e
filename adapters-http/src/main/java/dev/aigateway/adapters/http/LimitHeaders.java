package dev.aigateway.adapters.http;

import dev.aigateway.domain.error.LimitState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kong's token-limit headers, one set per window a request counts in:
 * {@code X-AI-RateLimit-Limit-<window seconds>-<policy index>}, {@code -Remaining-} and {@code -Reset-}.
 */
final class LimitHeaders {

    private LimitHeaders() { }

    static Map<String, String> of(List<LimitState> windows) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (LimitState state : windows) {
            String suffix = "-" + state.windowSeconds() + "-" + state.policyIndex();
            headers.put("X-AI-RateLimit-Limit" + suffix, state.limit());
            headers.put("X-AI-RateLimit-Remaining" + suffix, state.remaining());
            headers.put("X-AI-RateLimit-Reset" + suffix, Long.toString(state.resetSeconds()));
        }
        return headers;
    }
}
