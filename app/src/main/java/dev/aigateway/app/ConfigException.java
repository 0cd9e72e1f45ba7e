package dev.aigateway.app;

/** A configuration the gateway cannot start with; the message names the offending field. */
final class ConfigException extends RuntimeException {

    ConfigException(String message) {
        super(message);
    }
}
