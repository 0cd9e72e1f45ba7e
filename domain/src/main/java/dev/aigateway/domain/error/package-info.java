/** Typed gateway errors, mapped to HTTP status and error envelope by the ingress. */
package dev.aigateway.domain.error;
