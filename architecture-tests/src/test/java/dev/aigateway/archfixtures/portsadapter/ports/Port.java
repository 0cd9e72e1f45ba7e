package dev.aigateway.archfixtures.portsadapter.ports;

/** A port that reaches into an adapter's package. */
public interface Port {
    Class<?> THING = dev.aigateway.archfixtures.portsadapter.adapters.http.ThingAccess.thing();
}
