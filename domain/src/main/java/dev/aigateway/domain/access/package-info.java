/**
 * Who may use a route and how much: consumers and their keys (Kong's key-auth), groups (Kong's acl), and token
 * limits reserved before a request goes upstream (Kong's ai-rate-limiting-advanced).
 */
package dev.aigateway.domain.access;
