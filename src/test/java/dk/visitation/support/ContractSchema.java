package dk.visitation.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The committed OpenAPI document (3.1, so its schemas are JSON Schema 2020-12) and a checker for the
 * subset of JSON Schema it uses. A keyword the checker does not know fails the check rather than being
 * skipped, so a schema that grows a {@code oneOf} tells whoever runs the fuzzer to teach the checker.
 *
 * <p>Two deliberate choices, both for answers the service sends: a property whose value is {@code null}
 * counts as absent unless the schema requires it (the service writes nulls for empty optional fields and
 * the generated contract does not mark them nullable), and in strict mode a property the schema does not
 * list is an error (JSON Schema would allow it; the contract is meant to describe every field).
 */
public final class ContractSchema {

    public static final Path COMMITTED = Path.of("openapi/openapi.yaml");

    private static final Set<String> ANNOTATIONS = Set.of("description", "examples", "example", "default", "title",
            "deprecated", "readOnly", "writeOnly", "$comment");
    private static final Set<String> ASSERTIONS = Set.of("$ref", "type", "properties", "required", "additionalProperties",
            "items", "enum", "format", "pattern", "maxLength", "minLength", "minItems", "maxItems", "uniqueItems",
            "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final JsonNode document;
    private final Map<String, Pattern> patterns = new java.util.concurrent.ConcurrentHashMap<>();

    public ContractSchema(JsonNode document) {
        this.document = document;
    }

    public static ContractSchema committed() {
        try {
            return new ContractSchema(new ObjectMapper(new YAMLFactory()).readTree(COMMITTED.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        ObjectNode merged = new ObjectMapper().createObjectNode();
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
        List<String> problems = new ArrayList<>();
        check(value, schema, "$", strict, problems);
        return problems;
    }

    private void check(JsonNode value, JsonNode schema, String at, boolean strict, List<String> problems) {
        if (schema.isBoolean()) {
            if (!schema.asBoolean()) {
                problems.add(at + ": no value is allowed here");
            }
            return;
        }
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            String keyword = names.next();
            if (!ASSERTIONS.contains(keyword) && !ANNOTATIONS.contains(keyword)) {
                problems.add(at + ": the checker does not know the keyword '" + keyword + "'; teach ContractSchema");
            }
        }
        if (schema.has("$ref")) {
            check(value, target(schema.get("$ref").asText()), at, strict, problems);
        }
        if (schema.has("type") && !hasType(value, schema.get("type"))) {
            problems.add(at + ": expected " + schema.get("type") + " but was " + describe(value));
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.equals(value);
            }
            if (!listed) {
                problems.add(at + ": " + describe(value) + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isTextual()) {
            checkString(value.asText(), schema, at, problems);
        }
        if (value.isNumber()) {
            checkNumber(value, schema, at, problems);
        }
        if (value.isArray()) {
            checkArray(value, schema, at, strict, problems);
        }
        if (value.isObject()) {
            checkObject(value, schema, at, strict, problems);
        }
    }

    private static boolean hasType(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (hasType(value, one)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber()
                    || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private void checkString(String text, JsonNode schema, String at, List<String> problems) {
        int length = text.codePointCount(0, text.length());
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            problems.add(at + ": longer than " + schema.get("maxLength") + " characters");
        }
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            problems.add(at + ": shorter than " + schema.get("minLength") + " characters");
        }
        if (schema.has("pattern")) {
            String regex = schema.get("pattern").asText();
            if (!patterns.computeIfAbsent(regex, Pattern::compile).matcher(text).find()) {
                problems.add(at + ": " + shortened(text) + " does not match /" + regex + "/");
            }
        }
        if (schema.has("format") && !hasFormat(text, schema.get("format").asText())) {
            problems.add(at + ": " + shortened(text) + " is not a " + schema.get("format").asText());
        }
    }

    static boolean hasFormat(String text, String format) {
        try {
            switch (format) {
                case "uuid" -> {
                    return UUID_TEXT.matcher(text).matches();
                }
                case "date" -> {
                    if (!FULL_DATE.matcher(text).matches()) {
                        return false;
                    }
                    LocalDate.parse(text);
                    return true;
                }
                case "date-time" -> {
                    if (!RFC3339.matcher(text).matches()) {
                        return false;
                    }
                    OffsetDateTime.parse(text.toUpperCase());
                    return true;
                }
                case "uri" -> {
                    return URI.create(text).isAbsolute() || text.startsWith("/");
                }
                default -> {
                    return true; // int32, int64, double are about numbers; an unknown string format is an annotation
                }
            }
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void checkNumber(JsonNode value, JsonNode schema, String at, List<String> problems) {
        BigDecimal number = value.decimalValue();
        String format = schema.path("format").asText();
        if (format.equals("int32") && (number.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
                || number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0)) {
            problems.add(at + ": " + number + " is outside int32");
        }
        if (format.equals("int64") && (number.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0
                || number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0)) {
            problems.add(at + ": " + number + " is outside int64");
        }
        if (schema.has("minimum") && number.compareTo(schema.get("minimum").decimalValue()) < 0) {
            problems.add(at + ": " + number + " is below the minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && number.compareTo(schema.get("maximum").decimalValue()) > 0) {
            problems.add(at + ": " + number + " is above the maximum " + schema.get("maximum"));
        }
        if (schema.has("exclusiveMinimum") && number.compareTo(schema.get("exclusiveMinimum").decimalValue()) <= 0) {
            problems.add(at + ": " + number + " is not above " + schema.get("exclusiveMinimum"));
        }
        if (schema.has("exclusiveMaximum") && number.compareTo(schema.get("exclusiveMaximum").decimalValue()) >= 0) {
            problems.add(at + ": " + number + " is not below " + schema.get("exclusiveMaximum"));
        }
        if (schema.has("multipleOf") && number.remainder(schema.get("multipleOf").decimalValue()).signum() != 0) {
            problems.add(at + ": " + number + " is not a multiple of " + schema.get("multipleOf"));
        }
    }

    private void checkArray(JsonNode value, JsonNode schema, String at, boolean strict, List<String> problems) {
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            problems.add(at + ": fewer than " + schema.get("minItems") + " items");
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            problems.add(at + ": more than " + schema.get("maxItems") + " items");
        }
        if (schema.path("uniqueItems").asBoolean(false)) {
            Set<JsonNode> seen = new HashSet<>();
            for (JsonNode item : value) {
                if (!seen.add(item)) {
                    problems.add(at + ": " + describe(item) + " appears twice");
                }
            }
        }
        if (schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), at + "[" + i + "]", strict, problems);
            }
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String at, boolean strict, List<String> problems) {
        JsonNode properties = schema.path("properties");
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (String name : required) {
            if (!value.has(name)) {
                problems.add(at + ": the required property '" + name + "' is missing");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String where = at + "." + field.getKey();
            if (field.getValue().isNull() && !required.contains(field.getKey())) {
                continue; // an empty optional value; see the class comment
            }
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), where, strict, problems);
            } else if (schema.has("additionalProperties")) {
                check(field.getValue(), schema.get("additionalProperties"), where, strict, problems);
            } else if (strict && properties.size() > 0) {
                problems.add(where + ": the schema does not document this property");
            }
        }
    }

    private static String describe(JsonNode value) {
        String kind = value.isNull() ? "null" : value.getNodeType().name().toLowerCase();
        return kind + " " + shortened(value.toString());
    }

    private static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
