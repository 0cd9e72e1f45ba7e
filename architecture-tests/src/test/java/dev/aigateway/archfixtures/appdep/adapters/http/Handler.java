package dev.aigateway.archfixtures.appdep.adapters.http;

import dev.aigateway.archfixtures.appdep.app.Wiring;

/** An adapter reading the app's configuration. */
final class Handler {
    int port() {
        return Wiring.port();
    }
}
