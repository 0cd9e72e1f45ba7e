/** The provider-agnostic vocabulary of the gateway: values and pure policies, JDK only. */
package dev.aigateway.domain;
