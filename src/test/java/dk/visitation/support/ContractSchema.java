package dk.visitation.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The committed OpenAPI document (3.1, so its schemas are JSON Schema 2020-12), checked with a kept
 * validator (networknt json-schema-validator, draft 2020-12, formats asserted). {@code null} is a value
 * like any other: a property that may be null says so in its type, and the rule for the whole API is that
 * answers always carry every property of their schema (README, "API conventions").
 *
 * <p>One deliberate addition, for answers the service sends: in strict mode a property the schema does
 * not list is an error (JSON Schema would allow it; the contract is meant to describe every field). The
 * checker gets that by validating against a copy of the document whose object schemas say
 * {@code additionalProperties: false} where they say nothing.
 */
public final class ContractSchema {

    public static final Path COMMITTED = Path.of("openapi/openapi.yaml");

    private static final String LAX = "https://contract.visitation.test/openapi.json";
    private static final String STRICT = "https://contract.visitation.test/openapi-strict.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .build();
    private static volatile ContractSchema committed;

    private final JsonNode document;
    private final JsonSchemaFactory factory;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final AtomicInteger inline = new AtomicInteger();

    public ContractSchema(JsonNode document) {
        this.document = document;
        JsonNode strict = document.deepCopy();
        closeObjects(strict.path("components").path("schemas"));
        try {
            Map<String, String> texts = Map.of(LAX, JSON.writeValueAsString(document), STRICT, JSON.writeValueAsString(strict));
            this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    builder -> builder.schemaLoaders(loaders -> loaders.schemas(texts)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The committed contract, read once per test run (the document does not change under a run). */
    public static ContractSchema committed() {
        ContractSchema result = committed;
        if (result == null) {
            try {
                result = new ContractSchema(new ObjectMapper(new YAMLFactory()).readTree(COMMITTED.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            committed = result;
        }
        return result;
    }

    public JsonNode document() {
        return document;
    }

    /** The schema a {@code $ref} points to ("#/components/schemas/Case"). */
    public JsonNode target(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local references are supported: " + ref);
        }
        JsonNode node = document.at(ref.substring(1));
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("dangling reference " + ref);
        }
        return node;
    }

    /**
     * A schema with its {@code $ref} chain folded in: the target's keywords, overridden by the ones written
     * beside the reference (for generating values; checking applies both, as 2020-12 says).
     */
    public ObjectNode flattened(JsonNode schema) {
        ObjectNode merged = JSON.createObjectNode();
        if (schema.has("$ref")) {
            merged.setAll(flattened(target(schema.get("$ref").asText())));
        }
        schema.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("$ref")) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        return merged;
    }

    /** The problems of {@code value} against {@code schema}, each with the JSON path where it is; empty when valid. */
    public List<String> check(JsonNode value, JsonNode schema, boolean strict) {
        JsonSchema compiled = compiled(schema, strict);
        return compiled.validate(value).stream()
                .map(ContractSchema::describe)
                .sorted()
                .toList();
    }

    private JsonSchema compiled(JsonNode schema, boolean strict) {
        String base = strict ? STRICT : LAX;
        return schemas.computeIfAbsent(base + " " + schema, key -> {
            JsonNode absolute = absoluteRefs(schema.deepCopy(), base);
            if (strict) {
                closeObjects(absolute);
            }
            SchemaLocation location = SchemaLocation.of(base.replace(".json", "-" + inline.incrementAndGet() + ".json"));
            return factory.getSchema(location, absolute, CONFIG);
        });
    }

    /** "$.child.cpr: ..." — a missing or undocumented property is named in the path, as the checker's users expect. */
    private static String describe(ValidationMessage message) {
        String at = message.getInstanceLocation().toString();
        if ((message.getType().equals("required") || message.getType().equals("additionalProperties"))
                && message.getProperty() != null) {
            at = at + "." + message.getProperty();
        }
        String error = message.getError() != null ? message.getError() : message.getMessage();
        return at + ": " + error + " [" + message.getType() + " at " + message.getSchemaLocation().getFragment() + "]";
    }

    /** "#/components/..." → "{base}#/components/..." so an inline schema refers into the document. */
    private static JsonNode absoluteRefs(JsonNode node, String base) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
                object.put("$ref", base + ref.asText());
            }
            object.fields().forEachRemaining(field -> absoluteRefs(field.getValue(), base));
        } else if (node.isArray()) {
            node.forEach(item -> absoluteRefs(item, base));
        }
        return node;
    }

    /** Object schemas that list their properties and say nothing about others refuse others. */
    private static void closeObjects(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("properties") && !object.has("additionalProperties") && !object.has("unevaluatedProperties")
                    && !object.has("allOf") && !object.has("oneOf") && !object.has("anyOf")) {
                object.put("additionalProperties", false);
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getKey().equals("examples") && !field.getKey().equals("example") && !field.getKey().equals("enum")) {
                    closeObjects(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(ContractSchema::closeObjects);
        }
    }
}
