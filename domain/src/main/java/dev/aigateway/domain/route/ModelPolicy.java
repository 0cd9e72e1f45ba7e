package dev.aigateway.domain.route;

import dev.aigateway.domain.error.GatewayException;
import java.util.Objects;
import java.util.Optional;

/**
 * Which model a route's requests use (Kong's {@code model.name}), with Kong's error messages.
 *
 * @param fixedName the configured model; when set, requests may only name this one (or its alias)
 * @param alias another name requests may use for the fixed model (Kong 3.14's {@code model.model_alias}), by which
 *     an {@code ai-proxy-advanced} request picks its target
 */
public record ModelPolicy(Optional<String> fixedName, Optional<String> alias) {
    public ModelPolicy {
        Objects.requireNonNull(fixedName, "fixedName");
        Objects.requireNonNull(alias, "alias");
        fixedName = fixedName.filter(name -> !name.isBlank());
        alias = alias.filter(name -> !name.isBlank());
        if (alias.isPresent() && fixedName.isEmpty()) {
            throw new IllegalArgumentException("a model alias needs the model it stands for");
        }
    }

    /** A policy without an alias. */
    public ModelPolicy(Optional<String> fixedName) {
        this(fixedName, Optional.empty());
    }

    /** Whether a request naming {@code requested} asks for this policy's model by its alias. */
    public boolean answersTo(Optional<String> requested) {
        return alias.isPresent() && alias.equals(requested);
    }

    /** A policy that takes the model from each request. */
    public static ModelPolicy fromRequest() {
        return new ModelPolicy(Optional.empty());
    }

    /** A policy that fixes the model. */
    public static ModelPolicy fixed(String name) {
        return new ModelPolicy(Optional.of(name));
    }

    /**
     * The model to use for a request that asked for {@code requested}.
     *
     * @throws GatewayException a 400-class error when the request names another model than the fixed one,
     *     or when neither side names one
     */
    public String resolve(Optional<String> requested) {
        Optional<String> asked = requested.filter(name -> !name.isBlank());
        if (answersTo(asked)) {
            return fixedName.orElseThrow();
        }
        if (fixedName.isPresent()) {
            String fixed = fixedName.get();
            if (asked.isPresent() && !asked.get().equals(fixed)) {
                throw GatewayException.invalid("cannot use own model - must be: " + fixed, "model");
            }
            return fixed;
        }
        return asked.orElseThrow(() -> GatewayException.invalid(
                "model parameter not found in request, nor in gateway configuration", "model"));
    }
}
