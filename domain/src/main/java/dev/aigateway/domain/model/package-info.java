/** The models the gateway's routes can serve. */
package dev.aigateway.domain.model;
