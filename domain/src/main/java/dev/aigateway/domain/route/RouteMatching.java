package dev.aigateway.domain.route;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What else than its path a request must have for a route to take it, as Kong's router reads a route.
 *
 * @param methods the HTTP methods the route takes; empty: any (a chat route then answers 405 to all but POST)
 * @param hosts the {@code Host} values the route takes, exact or with a leading or trailing {@code *} wildcard;
 *     empty: any
 * @param stripPath whether the matched part of the path is removed from what a forwarding route sends upstream
 * @param regexPriority among regular-expression paths, which are tried first (higher first)
 */
public record RouteMatching(List<String> methods, List<String> hosts, boolean stripPath, int regexPriority) {
    private static final RouteMatching ANY = new RouteMatching(List.of(), List.of(), false, 0);

    public RouteMatching {
        methods = methods.stream().map(method -> method.toUpperCase(Locale.ROOT)).toList();
        hosts = hosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).toList();
    }

    /** Any method, any host, nothing stripped. */
    public static RouteMatching any() {
        return ANY;
    }

    public boolean takesMethod(String method) {
        return methods.isEmpty() || methods.contains(method.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether the request's {@code Host} (its port ignored) is one the route takes; the header is read only when
     * the route lists hosts.
     */
    public boolean takesHost(Supplier<Optional<String>> hostHeader) {
        if (hosts.isEmpty()) {
            return true;
        }
        String host = hostHeader.get().map(value -> value.toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "")).orElse("");
        for (String pattern : hosts) {
            boolean matches = pattern.startsWith("*") ? host.endsWith(pattern.substring(1))
                    : pattern.endsWith("*") ? host.startsWith(pattern.substring(0, pattern.length() - 1))
                    : host.equals(pattern);
            if (matches) {
                return true;
            }
        }
        return false;
    }
}
