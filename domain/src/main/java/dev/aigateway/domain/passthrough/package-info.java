/** Requests a {@code preserve} route forwards untouched. */
package dev.aigateway.domain.passthrough;
