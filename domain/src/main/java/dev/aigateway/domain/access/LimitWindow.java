package dev.aigateway.domain.access;

/**
 * One limit of a policy (Kong's {@code limits[]} entry).
 *
 * @param limit the most units the window holds
 * @param windowSeconds the window's length
 */
public record LimitWindow(long limit, long windowSeconds) {
    public LimitWindow {
        if (limit < 0) {
            throw new IllegalArgumentException("a limit cannot be negative");
        }
        if (windowSeconds < 1) {
            throw new IllegalArgumentException("a window lasts at least a second");
        }
    }
}
