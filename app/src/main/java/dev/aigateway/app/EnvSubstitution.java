package dev.aigateway.app;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:default}}, and decK's {@code ${{ env "DECK_NAME" }}}, in config strings
 * with environment values, so secrets stay out of config files and decK files load unchanged. A variable that is
 * unset and has no default is a config error (decK's form has none).
 */
final class EnvSubstitution {
    private static final Pattern REFERENCE = Pattern.compile(
            "\\$\\{\\{\\s*env\\s+\"([A-Za-z_][A-Za-z0-9_]*)\"\\s*}}|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");

    private final Map<String, String> env;
    private final Consumer<String> warnings;
    private final Set<String> warned = new HashSet<>();

    EnvSubstitution(Map<String, String> env, Consumer<String> warnings) {
        this.env = Map.copyOf(env);
        this.warnings = warnings;
    }

    /** An environment variable's value, when it is set. */
    Optional<String> variable(String name) {
        return Optional.ofNullable(env.get(name));
    }

    /** Says something worth knowing about the config that does not stop the start. */
    void warn(String warning) {
        warnings.accept(warning);
    }

    /** The value with every reference replaced; {@code field} names the config field for error messages. */
    String apply(String value, String field) {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            String fallback = matcher.group(3);
            String resolved = env.get(name);
            if (resolved == null) {
                if (fallback == null) {
                    throw new ConfigException(field + ": environment variable " + name + " is not set");
                }
                if (fallback.isEmpty() && warned.add(name)) {
                    warnings.accept("environment variable " + name + " is not set; " + field
                            + " and any other field using it get an empty value");
                }
                resolved = fallback;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
