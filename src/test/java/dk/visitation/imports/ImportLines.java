package dk.visitation.imports;

import static dk.visitation.support.Api.as;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.visitation.support.Tokens;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Lines of an import batch for tests, and the calls that send them. */
final class ImportLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportLines() {
    }

    static String system() {
        return Tokens.of("dubu.import", Set.of("SYSTEM"), Set.of());
    }

    static String freshDubuId() {
        return "IMP-" + UUID.randomUUID().toString().substring(0, 18);
    }

    /** A valid line: a case in MYN in {@code status}, without adviser, grants or casework. */
    static Map<String, Object> line(String dubuCaseId, String cpr, String status) {
        Map<String, Object> line = new HashMap<>();
        line.put("dubuCaseId", dubuCaseId);
        line.put("child", Map.of("cpr", cpr, "name", "Ida Import"));
        line.put("department", "MYN");
        line.put("status", status);
        line.put("source", "SCHOOL");
        line.put("receivedAt", "2025-09-01T10:00:00+02:00");
        return line;
    }

    static Map<String, Object> grant(String from, String to) {
        Map<String, Object> grant = new HashMap<>();
        grant.put("serviceType", "RESPITE_CARE");
        grant.put("provider", "EXTERNAL");
        grant.put("providerName", "Aflastningsfamilien Holm");
        grant.put("priceOre", 250_000);
        grant.put("tariffPeriod", "MONTH");
        grant.put("scope", 4);
        grant.put("from", from);
        grant.put("to", to);
        return grant;
    }

    static Map<String, Object> with(Map<String, Object> line, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(line);
        changed.put(field, value);
        return changed;
    }

    static String ndjson(List<?> lines) {
        return lines.stream().map(l -> l instanceof String text ? text : write(l)).collect(Collectors.joining("\n")) + "\n";
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ValidatableResponse post(String token, String mediaType, String body, boolean dryRun) {
        return as(token).contentType(mediaType).queryParam("dryRun", dryRun).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/imports").then();
    }

    static ValidatableResponse importNdjson(List<?> lines, boolean dryRun) {
        return post(system(), "application/x-ndjson", ndjson(lines), dryRun);
    }

    /** The case ids of the lines of a report, in line order. */
    static List<String> caseIds(ValidatableResponse report) {
        return new ArrayList<>(report.extract().<List<String>>path("cases.caseId"));
    }
}
