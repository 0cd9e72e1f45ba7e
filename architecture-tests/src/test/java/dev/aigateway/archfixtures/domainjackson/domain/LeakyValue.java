package dev.aigateway.archfixtures.domainjackson.domain;

/** A domain type that parses JSON itself: the domain would then need Jackson. */
public record LeakyValue(String json) {
    public Object parse() throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    }
}
