package dev.aigateway.domain.access;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a limit policy can match a request on.
 *
 * @param consumer who sent it, when the route authenticates
 * @param model the model it asks for
 * @param headers the headers policies match on, by lower-case name
 * @param path the request's path
 */
public record LimitSubject(Optional<Consumer> consumer, String model, Map<String, String> headers, String path) {
    public LimitSubject {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(model, "model");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(path, "path");
    }

    /** The header's value, by any spelling of its name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
