package dev.aigateway.domain.route;

import dev.aigateway.domain.ConfigNamed;

/**
 * The route-type table: Kong's {@code route_type} values, and this gateway's own {@code mistral/...} types for
 * Mistral's endpoints beyond Kong's four, with the capability each one serves.
 */
public enum RouteType implements ConfigNamed {
    CHAT("llm/v1/chat", Capability.CHAT, "chat"),
    COMPLETIONS("llm/v1/completions", Capability.COMPLETIONS, "text_completion"),
    EMBEDDINGS("llm/v1/embeddings", Capability.EMBEDDINGS, "embeddings"),
    PRESERVE("preserve", Capability.PASSTHROUGH, "passthrough"),
    MISTRAL_OCR("mistral/v1/ocr", Capability.NATIVE, "ocr"),
    MISTRAL_MODERATIONS("mistral/v1/moderations", Capability.NATIVE, "moderations"),
    MISTRAL_CHAT_MODERATIONS("mistral/v1/chat/moderations", Capability.NATIVE, "moderations"),
    MISTRAL_CLASSIFICATIONS("mistral/v1/classifications", Capability.NATIVE, "classifications"),
    MISTRAL_CHAT_CLASSIFICATIONS("mistral/v1/chat/classifications", Capability.NATIVE, "classifications"),
    MISTRAL_AUDIO_TRANSCRIPTIONS("mistral/v1/audio/transcriptions", Capability.NATIVE, "transcriptions"),
    MISTRAL_CONVERSATIONS("mistral/v1/conversations", Capability.NATIVE, "conversations"),
    MISTRAL_FILES("mistral/v1/files", Capability.NATIVE, "files"),
    MISTRAL_BATCH_JOBS("mistral/v1/batch/jobs", Capability.NATIVE, "batch");

    private final String configName;
    private final Capability capability;
    private final String operationName;

    RouteType(String configName, Capability capability, String operationName) {
        this.configName = configName;
        this.capability = capability;
        this.operationName = operationName;
    }

    /** The value as written in a Kong plugin config, e.g. {@code llm/v1/chat}. */
    @Override
    public String configName() {
        return configName;
    }

    public Capability capability() {
        return capability;
    }

    /**
     * The operation name of requests of this type in traces: OpenTelemetry's GenAI name where it has one, else the
     * endpoint's (e.g. {@code passthrough}, {@code ocr}).
     */
    public String operationName() {
        return operationName;
    }

    /**
     * Whether answers of this type are generated text, whose tokens a token limit must reserve room for before the
     * call; embeddings, moderations, classifications, OCR, files and batch jobs generate none.
     */
    public boolean generatesText() {
        return this == CHAT || this == COMPLETIONS || this == PRESERVE || this == MISTRAL_CONVERSATIONS
                || this == MISTRAL_AUDIO_TRANSCRIPTIONS;
    }

    /**
     * Whether routes of this type take every method: forwarded ones, and the native endpoints that hold resources
     * (files, batch jobs, conversations are created, listed, read and deleted); the others take POST.
     */
    public boolean takesAnyMethod() {
        return this == PRESERVE || this == MISTRAL_CONVERSATIONS || this == MISTRAL_FILES
                || this == MISTRAL_BATCH_JOBS;
    }
}
