package dev.aigateway.archfixtures.webserverleak.adapters.mistral;

import io.helidon.webserver.WebServer;

/** A provider adapter that opens a server of its own. */
final class Listener {
    WebServer server() {
        return WebServer.builder().build();
    }
}
