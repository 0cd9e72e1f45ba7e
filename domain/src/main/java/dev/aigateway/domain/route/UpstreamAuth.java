package dev.aigateway.domain.route;

import java.util.Objects;

/** How the gateway presents its credential to the upstream. */
public sealed interface UpstreamAuth {

    /** The credential goes in a header, e.g. {@code Authorization: Bearer <key>}. */
    record Header(String name, Secret value) implements UpstreamAuth {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isBlank()) {
                throw new IllegalArgumentException("header name cannot be blank");
            }
        }
    }
}
