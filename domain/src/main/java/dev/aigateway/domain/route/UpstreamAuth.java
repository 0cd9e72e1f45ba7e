package dev.aigateway.domain.route;

import dev.aigateway.domain.Secret;
import java.util.Objects;

/** How the gateway presents its credential to the upstream (Kong's {@code auth} block). */
public sealed interface UpstreamAuth {

    /** Where the credential is looked for in the client's request and put in the upstream one. */
    String name();

    /** The credential's value. */
    Secret value();

    /** The same kind of credential, at the same place, with another value. */
    UpstreamAuth withValue(Secret newValue);

    /** In a header, e.g. {@code Authorization: Bearer <key>}. */
    record Header(String name, Secret value) implements UpstreamAuth {
        public Header {
            requireName(name);
            Objects.requireNonNull(value, "value");
        }

        @Override
        public UpstreamAuth withValue(Secret newValue) {
            return new Header(name, newValue);
        }
    }

    /** In a query parameter of the upstream URL. */
    record QueryParam(String name, Secret value) implements UpstreamAuth {
        public QueryParam {
            requireName(name);
            Objects.requireNonNull(value, "value");
        }

        @Override
        public UpstreamAuth withValue(Secret newValue) {
            return new QueryParam(name, newValue);
        }
    }

    /** In a top-level field of the JSON request body. */
    record BodyParam(String name, Secret value) implements UpstreamAuth {
        public BodyParam {
            requireName(name);
            Objects.requireNonNull(value, "value");
        }

        @Override
        public UpstreamAuth withValue(Secret newValue) {
            return new BodyParam(name, newValue);
        }
    }

    private static void requireName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a credential needs a name");
        }
    }
}
