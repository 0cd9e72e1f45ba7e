package dev.aigateway.domain.route;

import dev.aigateway.domain.ConfigNamed;

/** The route-type table: Kong's {@code route_type} values and the capability each one serves. */
public enum RouteType implements ConfigNamed {
    CHAT("llm/v1/chat", Capability.CHAT),
    COMPLETIONS("llm/v1/completions", Capability.COMPLETIONS),
    EMBEDDINGS("llm/v1/embeddings", Capability.EMBEDDINGS),
    PRESERVE("preserve", Capability.PASSTHROUGH);

    private final String configName;
    private final Capability capability;

    RouteType(String configName, Capability capability) {
        this.configName = configName;
        this.capability = capability;
    }

    /** The value as written in a Kong plugin config, e.g. {@code llm/v1/chat}. */
    @Override
    public String configName() {
        return configName;
    }

    public Capability capability() {
        return capability;
    }

    /** The OpenTelemetry GenAI operation name of requests of this type ({@code passthrough} for forwarded ones). */
    public String operationName() {
        return switch (this) {
            case CHAT -> "chat";
            case COMPLETIONS -> "text_completion";
            case EMBEDDINGS -> "embeddings";
            case PRESERVE -> "passthrough";
        };
    }
}
