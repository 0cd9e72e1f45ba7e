package dev.aigateway.fakemistral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/**
 * Validates request bodies against Mistral's own OpenAPI schemas (every object has
 * {@code additionalProperties: false}), and words the failures as Mistral's FastAPI does.
 */
public final class MistralSchema {
    private static final String SPEC = "classpath:mistral-openapi/mistral-inference-patched.json";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // Plain oneOf semantics: every alternative pins its discriminator with a const, so exactly one matches.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().build();

    /** Any JSON object: for endpoints whose schema the OpenAPI copy lacks, checked field by field elsewhere. */
    public static final MistralSchema ANY_OBJECT = new MistralSchema(null);

    private final JsonSchema schema;

    private MistralSchema(JsonSchema schema) {
        this.schema = schema;
    }

    public static MistralSchema of(String component) {
        return new MistralSchema(FACTORY.getSchema(
                SchemaLocation.of(SPEC + "#/components/schemas/" + component), CONFIG));
    }

    /** FastAPI's {@code detail} list for the body's problems; empty when the body is valid. */
    public ArrayNode problems(JsonNode body) {
        ArrayNode detail = JsonNodeFactory.instance.arrayNode();
        if (schema == null) {
            return detail;
        }
        Set<ValidationMessage> messages = schema.validate(body);
        for (ValidationMessage message : messages) {
            ObjectNode problem = detail.addObject();
            ArrayNode loc = JsonNodeFactory.instance.arrayNode().add("body");
            appendPath(loc, message.getInstanceLocation());
            if ("additionalProperties".equals(message.getType())) {
                loc.add(message.getProperty());
                problem.put("type", "extra_forbidden");
                problem.put("msg", "Extra inputs are not permitted");
            } else {
                problem.put("type", message.getType());
                problem.put("msg", message.getMessage());
            }
            problem.set("loc", loc);
        }
        return detail;
    }

    private static void appendPath(ArrayNode loc, JsonNodePath path) {
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                loc.add(index);
            } else {
                loc.add(String.valueOf(element));
            }
        }
    }
}
