/**
 * The core that implements the use cases: routing a request to one of its route's targets, failing over, the
 * model list and the gateway's readiness. JDK and domain only, like the API it implements.
 */
package dev.aigateway.ports.engine;
