/** What the gateway's core offers (use cases) and what it needs (upstream providers), JDK and domain only. */
package dev.aigateway.ports;
