package dev.aigateway.archfixtures.portshelidon.ports;

/** A port whose signature exposes Helidon. */
public interface ServerPort {
    io.helidon.webserver.WebServer server();
}
