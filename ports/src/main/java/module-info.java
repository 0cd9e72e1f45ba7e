/**
 * What the core offers (use cases) and needs (upstream providers, an observer), and the engine that implements the
 * use cases; the balancing algorithms stay inside. JDK and the domain only.
 */
module dev.aigateway.ports {
    requires transitive dev.aigateway.domain;

    exports dev.aigateway.ports;
    exports dev.aigateway.ports.engine;
}
