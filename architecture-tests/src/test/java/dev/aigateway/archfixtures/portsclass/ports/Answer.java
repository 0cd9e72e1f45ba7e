package dev.aigateway.archfixtures.portsclass.ports;

/** An API record: allowed. */
public record Answer(int length) { }
