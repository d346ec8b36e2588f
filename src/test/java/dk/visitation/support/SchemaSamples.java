package dk.visitation.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Values built from the contract's schemas: valid ones (with the schema's examples now and then) and
 * values broken in one way (wrong type, missing required field, unknown field, too long). Every choice is
 * drawn from the {@link Random} passed in, so a seed replays the same values. (Not jqwik arbitraries: they
 * generate only on a jqwik thread, and a {@code @QuarkusTest} runs on JUnit Jupiter's.)
 */
public final class SchemaSamples {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern WORD_ALTERNATIVES = Pattern.compile("[A-Z_]+(\\|[A-Z_]+)+");
    /** Strings that have broken services before: markup, quotes, format specifiers, odd Unicode, controls. */
    private static final List<String> ODD_TEXT = List.of("<script>alert(1)</script>", "' OR '1'='1", "\"; DROP TABLE child;--",
            "%s%n%x", "${env:HOME}", "\u0000nul", "tab\there", "line\nbreak", "\u202Ehøjre-til-venstre", "zero\u200Bwidth",
            "😀 emoji", "e\u0301 combining", "\uD800 lone surrogate", "ÆØÅ æøå", "null", "undefined", "true", "0", "-0",
            "1e309", "../../etc/passwd", "\\", "{\"json\": 1}", "      padded      ", "ＦＵＬＬＷＩＤＴＨ", "\u00A0nbsp");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzæøå  .-";

    private final ContractSchema contract;
    /** A property name → ids that exist (caseId → the seeded cases); uuids elsewhere are random. */
    private final Function<String, List<String>> knownIds;

    public SchemaSamples(ContractSchema contract, Function<String, List<String>> knownIds) {
        this.contract = contract;
        this.knownIds = knownIds;
    }

    public static <T> T pick(List<T> options, Random random) {
        return options.get(random.nextInt(options.size()));
    }

    public static UUID uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong());
    }

    /** A string that passes {@code \S}-style checks and never looks like a CPR number (logs are scanned for those). */
    public static String text(Random random) {
        String text;
        if (random.nextInt(4) == 0) {
            text = pick(ODD_TEXT, random);
        } else {
            StringBuilder words = new StringBuilder();
            for (int i = 1 + random.nextInt(30); i > 0; i--) {
                words.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
            }
            text = words.toString();
        }
        if (text.isBlank() || !CprScanner.cprNumbersIn(text).isEmpty()) {
            return "tekst " + random.nextInt(1000);
        }
        return text;
    }

    // ---- valid values ------------------------------------------------------------------------

    public JsonNode valid(JsonNode schema, String name, Random random) {
        return valid(schema, name, random, 0);
    }

    private JsonNode valid(JsonNode raw, String name, Random random, int depth) {
        ObjectNode schema = contract.flattened(raw);
        if (schema.has("anyOf")) { // a nullable reference: {anyOf: [{$ref}, {type: null}]}, one branch or the other
            List<JsonNode> branches = new ArrayList<>();
            schema.get("anyOf").forEach(branches::add);
            JsonNode branch = branches.get(random.nextInt(branches.size()));
            return "null".equals(branch.path("type").asText()) ? JSON.nullNode() : valid(branch, name, random, depth);
        }
        JsonNode examples = schema.path("examples");
        if (examples.isArray() && !examples.isEmpty() && random.nextInt(3) == 0) {
            JsonNode example = examples.get(random.nextInt(examples.size()));
            if (contract.check(example, schema, false).isEmpty()) {
                return example.deepCopy();
            }
        }
        if (schema.has("enum")) {
            JsonNode options = schema.get("enum");
            return options.get(random.nextInt(options.size())).deepCopy();
        }
        String type = typeOf(schema, schema.has("properties") ? "object" : "");
        return switch (type) {
            case "string" -> JSON.textNode(string(schema, name, random));
            case "integer" -> JSON.numberNode("year".equals(name) && random.nextInt(4) != 0 ? 2024 + random.nextInt(5)
                    : integer(schema, random));
            case "number" -> JSON.numberNode(number(schema, random));
            case "boolean" -> JSON.booleanNode(random.nextBoolean());
            case "array" -> array(schema, name, random, depth);
            case "object" -> object(schema, random, depth);
            default -> random.nextBoolean() ? JSON.textNode(text(random)) : JSON.numberNode(random.nextInt(100));
        };
    }

    private String string(JsonNode schema, String name, Random random) {
        String lower = name == null ? "" : name.toLowerCase();
        switch (schema.path("format").asText()) {
            case "uuid" -> {
                List<String> ids = knownIds.apply(name);
                return !ids.isEmpty() && random.nextInt(4) != 0 ? pick(ids, random) : uuid(random).toString();
            }
            case "date" -> {
                return LocalDate.of(2026, 1, 1).plusDays(random.nextInt(900) - 450).toString();
            }
            case "date-time" -> {
                OffsetDateTime at = OffsetDateTime.of(2026, 6, 1, 9, 0, 0, 0, ZoneOffset.ofHours(2))
                        .plusMinutes(random.nextInt(2_000_000) - 1_000_000L);
                return at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            }
            default -> {
            }
        }
        if (lower.equals("cpr")) {
            String cpr = Api.freshCpr();
            return random.nextBoolean() ? cpr : cpr.substring(0, 6) + "-" + cpr.substring(6);
        }
        String pattern = schema.path("pattern").asText("");
        if (WORD_ALTERNATIVES.matcher(pattern).matches()) {
            return pick(List.of(pattern.split("\\|")), random);
        }
        if (pattern.startsWith("[A-Za-z0-9._@-]")) {
            return "fuzz." + Integer.toString(random.nextInt(1 << 20), 36);
        }
        String text = text(random);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        if (text.length() > max) {
            text = text.substring(0, max).strip();
        }
        if (!pattern.isEmpty() && !Pattern.compile(pattern).matcher(text).find()) {
            JsonNode example = schema.path("examples").path(0);
            return example.isTextual() ? example.asText() : "x";
        }
        return text.isEmpty() ? "x" : text;
    }

    private static long integer(JsonNode schema, Random random) {
        long min = schema.has("minimum") ? schema.get("minimum").asLong()
                : schema.has("exclusiveMinimum") ? schema.get("exclusiveMinimum").asLong() + 1 : 0;
        long max = schema.has("maximum") ? schema.get("maximum").asLong() : Math.max(min, 0) + 200;
        if (random.nextInt(5) == 0) {
            return random.nextBoolean() ? min : max; // the boundaries themselves are valid
        }
        long span = max - min + 1;
        return min + Math.floorMod(random.nextLong(), span);
    }

    private static BigDecimal number(JsonNode schema, Random random) {
        BigDecimal min = schema.has("minimum") ? schema.get("minimum").decimalValue() : BigDecimal.ZERO;
        BigDecimal step = schema.has("multipleOf") ? schema.get("multipleOf").decimalValue() : new BigDecimal("0.5");
        return min.add(step.multiply(BigDecimal.valueOf(random.nextInt(400))));
    }

    private ArrayNode array(JsonNode schema, String name, Random random, int depth) {
        ArrayNode array = JSON.arrayNode();
        int count = schema.path("minItems").asInt(0) + (depth > 3 ? 0 : random.nextInt(3));
        Set<JsonNode> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            JsonNode item = valid(schema.path("items").isMissingNode() ? JSON.objectNode() : schema.get("items"),
                    singular(name), random, depth + 1);
            if (!schema.path("uniqueItems").asBoolean(false) || seen.add(item)) {
                array.add(item);
            }
        }
        return array;
    }

    private ObjectNode object(JsonNode schema, Random random, int depth) {
        ObjectNode object = JSON.objectNode();
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(n -> required.add(n.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> p = schema.path("properties").fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> property = p.next();
            if (required.contains(property.getKey()) || (depth < 4 && random.nextInt(5) < 3)) {
                object.set(property.getKey(), valid(property.getValue(), property.getKey(), random, depth + 1));
            }
        }
        return object;
    }

    private static String singular(String name) {
        return name != null && name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    // ---- broken values -----------------------------------------------------------------------

    /** A valid body broken in one way that the schema forbids; says how in {@code how[0]}. */
    public JsonNode broken(JsonNode schema, JsonNode valid, Random random, String[] how) {
        JsonNode body = valid.deepCopy();
        List<Slot> slots = new ArrayList<>();
        collect(body, schema, "$", slots);
        if (slots.isEmpty() || !body.isObject()) {
            how[0] = "a JSON array instead of the body";
            return JSON.arrayNode().add(body);
        }
        Slot slot = pick(slots, random);
        switch (random.nextInt(5)) {
            case 0 -> {
                if (slot.parent != null) {
                    JsonNode wrong = wrongType(slot.schema, random);
                    slot.parent.set(slot.name, wrong);
                    how[0] = "wrong type at " + slot.path + ": " + shortened(wrong.toString());
                    return body;
                }
            }
            case 1 -> {
                List<String> required = new ArrayList<>();
                contract.flattened(slot.schema).path("required").forEach(n -> required.add(n.asText()));
                if (slot.value.isObject() && !required.isEmpty()) {
                    String gone = pick(required, random);
                    ((ObjectNode) slot.value).remove(gone);
                    how[0] = "required " + slot.path + "." + gone + " missing";
                    return body;
                }
            }
            case 2 -> {
                JsonNode flat = contract.flattened(slot.schema);
                if (slot.value.isObject() && !flat.has("additionalProperties") && flat.has("properties")) {
                    ((ObjectNode) slot.value).put("fuzzUnknown" + random.nextInt(100), text(random));
                    how[0] = "unknown field in " + slot.path;
                    return body;
                }
            }
            case 3 -> {
                JsonNode flat = contract.flattened(slot.schema);
                if (slot.parent != null && flat.has("maxLength")) {
                    slot.parent.put(slot.name, "x".repeat(flat.get("maxLength").asInt() + 1 + random.nextInt(50)));
                    how[0] = "too long at " + slot.path;
                    return body;
                }
            }
            default -> {
                if (slot.parent != null) {
                    JsonNode odd = pick(List.<JsonNode>of(JSON.nullNode(), JSON.textNode(""), JSON.textNode("   "),
                            JSON.numberNode(new BigDecimal("1e400")), JSON.numberNode(Long.MAX_VALUE),
                            JSON.numberNode(-1), JSON.numberNode(0.5), JSON.textNode("0000-00-00"),
                            JSON.textNode("2026-02-30"), JSON.textNode("not-a-uuid"), JSON.textNode("+999999999-12-31"),
                            JSON.textNode("-999999999-01-01T00:00:00Z"), JSON.textNode("0000-01-01T00:00:00+18:00"),
                            JSON.numberNode(Integer.MIN_VALUE)), random);
                    slot.parent.set(slot.name, odd);
                    how[0] = "odd value at " + slot.path + ": " + odd;
                    return body;
                }
            }
        }
        ((ObjectNode) body).put("fuzzUnknown", random.nextLong());
        how[0] = "unknown top-level field";
        return body;
    }

    private record Slot(String path, String name, ObjectNode parent, JsonNode value, JsonNode schema) {
    }

    private void collect(JsonNode value, JsonNode schema, String path, List<Slot> slots) {
        if (value.isObject()) {
            slots.add(new Slot(path, null, null, value, schema));
            JsonNode flat = contract.flattened(schema);
            for (Iterator<Map.Entry<String, JsonNode>> f = value.fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> field = f.next();
                JsonNode fieldSchema = flat.path("properties").path(field.getKey());
                if (!fieldSchema.isMissingNode()) {
                    slots.add(new Slot(path + "." + field.getKey(), field.getKey(), (ObjectNode) value, field.getValue(), fieldSchema));
                    if (field.getValue().isContainerNode()) {
                        collect(field.getValue(), fieldSchema, path + "." + field.getKey(), slots);
                    }
                }
            }
        } else if (value.isArray()) {
            JsonNode items = contract.flattened(schema).path("items");
            for (int i = 0; i < value.size(); i++) {
                if (value.get(i).isObject() && !items.isMissingNode()) {
                    collect(value.get(i), items, path + "[" + i + "]", slots);
                }
            }
        }
    }

    private JsonNode wrongType(JsonNode schema, Random random) {
        String type = typeOf(contract.flattened(schema), "");
        List<JsonNode> candidates = new ArrayList<>(List.of(JSON.textNode(text(random)), JSON.numberNode(random.nextInt(300) - 5),
                JSON.booleanNode(random.nextBoolean()), JSON.arrayNode().add(1), JSON.objectNode().put("x", 1)));
        candidates.removeIf(c -> switch (type) {
            case "string" -> c.isTextual();
            case "integer", "number" -> c.isNumber();
            case "boolean" -> c.isBoolean();
            case "array" -> c.isArray();
            case "object" -> c.isObject();
            default -> false;
        });
        return pick(candidates, random);
    }

    public static String json(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** The schema's type; of a nullable one ({@code [string, "null"]}) the type of its values. */
    static String typeOf(JsonNode schema, String otherwise) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (!one.asText().equals("null")) {
                    return one.asText();
                }
            }
        }
        return type.isTextual() ? type.asText() : otherwise;
    }
}
