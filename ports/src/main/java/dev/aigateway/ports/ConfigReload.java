package dev.aigateway.ports;

import java.util.Optional;

/** Reads, validates and applies the configuration again, as a reload signal or an admin request asks. */
public interface ConfigReload {

    /**
     * What a reload came to.
     *
     * @param applied whether the new routes serve now; when not, the previous ones still do
     * @param generation the generation serving after the reload
     * @param message what was applied, or why the configuration was refused (naming the field), safe to show
     */
    record Outcome(boolean applied, long generation, String message) { }

    /**
     * Reloads.
     *
     * @param config a new configuration document (YAML or JSON) to apply, or empty to read the configuration's
     *     source again
     */
    Outcome reload(Optional<byte[]> config);
}
