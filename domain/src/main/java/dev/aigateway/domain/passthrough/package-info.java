/**
 * Requests relayed in the provider's own API: untouched on a {@code preserve} route, and metered on a native route
 * (one of the provider's endpoints the gateway governs without translating it).
 */
package dev.aigateway.domain.passthrough;
