package dev.aigateway.ports;

import java.util.Optional;
import java.util.Set;

/**
 * The {@code model.options} of one configured target, as a provider's options reader sees them: typed look-ups, and
 * errors that name the field where the configuration has it.
 */
public interface OptionValues {

    /** The field's text, if set; an error if it is not a string. */
    Optional<String> string(String field);

    /** The field's text, if set; an error naming the allowed values if it is not one of them. */
    Optional<String> oneOf(String field, Set<String> allowed);

    /** The field's whole number, if set. */
    Optional<Long> integer(String field);

    /** The field's number, if set. */
    Optional<Double> number(String field);

    /** The field's boolean, if set. */
    Optional<Boolean> bool(String field);

    /** An error about {@code field}, to throw: the message says where in the configuration it is. */
    RuntimeException error(String field, String problem);
}
