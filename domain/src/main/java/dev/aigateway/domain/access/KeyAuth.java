package dev.aigateway.domain.access;

import dev.aigateway.domain.Secret;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Kong's {@code key-auth}: the names a client's key may be sent under, and where to look for them.
 *
 * @param keyNames header, query parameter or body field names, looked at in this order
 * @param inHeader Kong's {@code key_in_header}
 * @param inQuery Kong's {@code key_in_query}
 * @param inBody Kong's {@code key_in_body}
 * @param consumers whose keys are accepted
 */
public record KeyAuth(List<String> keyNames, boolean inHeader, boolean inQuery, boolean inBody,
                      ConsumerKeys consumers) {
    /** Kong's default {@code key_names}. */
    public static final List<String> DEFAULT_KEY_NAMES = List.of("apikey");
    private static final String BEARER = "bearer ";

    public KeyAuth {
        keyNames = List.copyOf(keyNames);
        if (keyNames.isEmpty()) {
            throw new IllegalArgumentException("key-auth needs at least one key name");
        }
        if (!inHeader && !inQuery && !inBody) {
            throw new IllegalArgumentException("key-auth must look for the key somewhere");
        }
        Objects.requireNonNull(consumers, "consumers");
    }

    /** Whether a key may arrive in the header of this name. */
    public boolean readsHeader(String name) {
        return inHeader && keyNames.stream().anyMatch(key -> key.equalsIgnoreCase(name));
    }

    /** The consumer whose key the request carries; a missing or unknown key is refused with a 401. */
    public Consumer authenticate(KeySources sources) {
        Secret key = presented(sources).orElseThrow(() -> AccessDenied.unauthenticated(
                "no API key found in request; send it as " + String.join(" or ", keyNames)));
        return consumers.find(key).orElseThrow(() -> AccessDenied.unauthenticated("invalid API key"));
    }

    /** The first key found, by name, in the headers, then the query, then the body. */
    Optional<Secret> presented(KeySources sources) {
        for (String name : keyNames) {
            Optional<String> value = inHeader ? sources.header(name).map(v -> withoutScheme(name, v))
                    : Optional.empty();
            if (value.filter(v -> !v.isBlank()).isEmpty() && inQuery) {
                value = sources.query(name);
            }
            if (value.filter(v -> !v.isBlank()).isEmpty() && inBody) {
                value = sources.bodyField(name);
            }
            Optional<String> found = value.map(String::strip).filter(v -> !v.isEmpty());
            if (found.isPresent()) {
                return found.map(Secret::of);
            }
        }
        return Optional.empty();
    }

    /** Whether a key may arrive in the query parameter of this name. */
    public boolean readsQuery(String name) {
        return inQuery && keyNames.contains(name);
    }

    /** Whether a key may arrive in the body field of this name. */
    public boolean readsBodyField(String name) {
        return inBody && keyNames.contains(name);
    }

    /** {@code Authorization: Bearer <key>} carries the key after its scheme, as every OpenAI-style SDK sends it. */
    private static String withoutScheme(String name, String value) {
        return name.equalsIgnoreCase("authorization") && value.length() >= BEARER.length()
                && value.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)
                ? value.substring(BEARER.length()) : value;
    }

    @Override
    public String toString() {
        return "KeyAuth[keyNames=" + keyNames + ", inHeader=" + inHeader + ", inQuery=" + inQuery + ", inBody="
                + inBody + ", " + consumers + "]";
    }
}
