/** Picking one of a route's targets, and keeping failing ones out: the balancing algorithms and the breaker. */
package dev.aigateway.ports.engine.balance;
