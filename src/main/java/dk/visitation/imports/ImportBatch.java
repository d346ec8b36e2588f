package dk.visitation.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A batch's body read line by line: NDJSON (one case per line, blank lines skipped, numbered as the body's lines) or a
 * JSON array (numbered by element). A line that cannot be read is a problem of that line, never of the batch, and no
 * message echoes a value (a CPR number stays out of the report).
 */
final class ImportBatch {

    static final String NDJSON = "application/x-ndjson";

    /** A line of the batch: its number and either the case it holds or why it could not be read. */
    record Line(int number, ImportApi.ImportLine line, ImportApi.LineProblem unreadable) {
    }

    private ImportBatch() {
    }

    static List<Line> read(ObjectMapper json, String body, boolean ndjson) {
        List<Line> lines = new ArrayList<>();
        if (ndjson) {
            String[] texts = body.split("\n", -1);
            int count = (int) Arrays.stream(texts).filter(t -> !t.isBlank()).count();
            tooMany(count);
            for (int i = 0; i < texts.length; i++) {
                if (!texts[i].isBlank()) {
                    lines.add(parse(json, i + 1, texts[i]));
                }
            }
            return lines;
        }
        JsonNode array;
        try {
            array = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON (send a JSON array of cases, or NDJSON as "
                    + NDJSON + ")");
        }
        if (array == null || !array.isArray()) {
            throw new ProblemException(ProblemType.VALIDATION, "The body must be a JSON array of cases (or NDJSON as " + NDJSON + ")");
        }
        tooMany(array.size());
        for (int i = 0; i < array.size(); i++) {
            lines.add(convert(json, i + 1, array.get(i)));
        }
        return lines;
    }

    private static void tooMany(int count) {
        if (count > ImportApi.MAX_LINES) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "A batch holds at most " + ImportApi.MAX_LINES
                    + " cases; this one holds " + count + ": split it into several batches");
        }
    }

    private static Line parse(ObjectMapper json, int number, String text) {
        try {
            return convert(json, number, json.readTree(text));
        } catch (JsonProcessingException e) {
            return new Line(number, null, new ImportApi.LineProblem(number, "", "is not valid JSON"));
        }
    }

    private static Line convert(ObjectMapper json, int number, JsonNode node) {
        if (node == null || !node.isObject()) {
            return new Line(number, null, new ImportApi.LineProblem(number, "", "must be a JSON object (one case)"));
        }
        try {
            return new Line(number, json.treeToValue(node, ImportApi.ImportLine.class), null);
        } catch (JsonProcessingException e) {
            return new Line(number, null, new ImportApi.LineProblem(number, path(e), message(e)));
        }
    }

    /** The JSON path of the field Jackson could not read, e.g. {@code grants[0].priceOre}. */
    static String path(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What was expected there, without the value found. */
    private static String message(JsonProcessingException e) {
        Class<?> expected = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (expected == null && e instanceof InvalidFormatException format) {
            expected = format.getTargetType();
        }
        if (expected == null) {
            return "cannot be read";
        }
        if (expected.isEnum()) {
            return "must be one of " + Arrays.stream(expected.getEnumConstants()).map(Object::toString).toList();
        }
        return switch (expected.getSimpleName()) {
            case "LocalDate" -> "must be a date (YYYY-MM-DD)";
            case "OffsetDateTime" -> "must be a date and time with its offset (e.g. 2024-03-11T10:00:00+01:00)";
            case "UUID" -> "must be a UUID";
            case "long", "Long", "int", "Integer" -> "must be a whole number";
            case "BigDecimal" -> "must be a number";
            case "boolean", "Boolean" -> "must be true or false";
            case "String" -> "must be a string";
            default -> expected.isRecord() || List.class.isAssignableFrom(expected) ? "has the wrong shape (see the ImportLine schema)"
                    : "cannot be read as " + expected.getSimpleName();
        };
    }
}
