package dev.aigateway.domain.model;

import java.util.Objects;

/**
 * A model a client can ask for.
 *
 * @param ownedBy who serves it, e.g. {@code mistralai}
 * @param created when it was published, in seconds since the epoch; 0 when unknown
 */
public record ModelInfo(String id, String ownedBy, long created) {
    public ModelInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownedBy, "ownedBy");
    }
}
