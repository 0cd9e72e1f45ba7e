package dev.aigateway.domain.access;

import dev.aigateway.domain.ConfigNamed;

/** How a limit's window counts (Kong's {@code window_type}). */
public enum WindowType implements ConfigNamed {
    /** The current window plus the previous one, weighted by how much of it still overlaps the last window_size. */
    SLIDING("sliding"),
    /** Only the current window, which starts empty at each multiple of its size. */
    FIXED("fixed");

    private final String configName;

    WindowType(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }

    /**
     * The units the window holds now.
     *
     * @param current the units counted in the current period
     * @param previous the units counted in the period before it
     * @param elapsedMillis how far into the current period now is
     * @param sizeMillis the period's length
     */
    public long used(long current, long previous, long elapsedMillis, long sizeMillis) {
        return switch (this) {
            case SLIDING -> current + (long) Math.floor((double) previous * (sizeMillis - elapsedMillis) / sizeMillis);
            case FIXED -> current;
        };
    }
}
