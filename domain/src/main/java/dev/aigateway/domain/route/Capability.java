package dev.aigateway.domain.route;

/** What a provider can be asked to do. */
public enum Capability {
    /** Chat completions, streamed or not, with tools. */
    CHAT,
    /** Text (prompt / suffix) completions. */
    COMPLETIONS,
    /** Text embeddings. */
    EMBEDDINGS,
    /** Forwarding a request untouched. */
    PASSTHROUGH,
    /** A provider's own API on one of its endpoints, relayed with the usage it reports metered. */
    NATIVE
}
