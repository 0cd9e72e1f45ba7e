/** An opaque JSON model for the parts of requests that the gateway passes through. */
package dev.aigateway.domain.json;
