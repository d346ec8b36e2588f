package dk.visitation.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The committed openapi/openapi.yaml is the published contract. After a deliberate API change,
 * regenerate it with {@code bin/test -Dtest=OpenApiContractTest -Dopenapi.write=true} and commit it.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path COMMITTED = Path.of("openapi/openapi.yaml");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void the_served_contract_is_the_committed_one() throws IOException {
        String served = given().accept("application/yaml").get("/q/openapi?format=yaml").then()
                .statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served);
        }
        assertTrue(Files.exists(COMMITTED), "openapi/openapi.yaml is missing; see this test's javadoc");
        assertEquals(YAML.readTree(Files.readString(COMMITTED)), YAML.readTree(served),
                "The served OpenAPI differs from openapi/openapi.yaml; see this test's javadoc");
    }

    @Test
    void every_operation_has_an_id_a_summary_examples_and_its_problem_responses() throws IOException {
        JsonNode paths = YAML.readTree(Files.readString(COMMITTED)).path("paths");
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext(); ) {
                Map.Entry<String, JsonNode> op = o.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                if (operation.path("operationId").asText().isBlank()) {
                    missing.add(where + ": operationId");
                }
                if (operation.path("summary").asText().isBlank()) {
                    missing.add(where + ": summary");
                }
                JsonNode body = operation.path("requestBody").path("content");
                if (!body.isMissingNode()) {
                    body.fields().forEachRemaining(media -> {
                        if (media.getValue().path("examples").isEmpty() && media.getValue().path("example").isMissingNode()) {
                            missing.add(where + ": request example for " + media.getKey());
                        }
                    });
                }
                boolean documentsProblems = false;
                for (Iterator<Map.Entry<String, JsonNode>> r = operation.path("responses").fields(); r.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = r.next();
                    if (response.getKey().startsWith("4") && response.getValue().path("content").has(Problem.MEDIA_TYPE)) {
                        documentsProblems = true;
                    }
                }
                if (!documentsProblems) {
                    missing.add(where + ": a documented 4xx problem response");
                }
            }
        }
        assertFalse(operations == 0, "no operations found");
        assertEquals(List.of(), missing);
    }

    /**
     * The rule for answers (README, "API conventions"): every property of an answer is always present, null
     * when it has no value, and then its type says so. So each object schema an answer uses lists every
     * property as required (a problem, which leaves out empty members, lists its own).
     */
    @Test
    void every_response_schema_lists_its_properties_as_required() throws IOException {
        JsonNode document = YAML.readTree(Files.readString(COMMITTED));
        JsonNode schemas = document.path("components").path("schemas");
        List<String> incomplete = new ArrayList<>();
        for (String name : List.of("Case", "CaseSummary", "Task", "AgendaItem", "Decision", "PaymentPeriod",
                "SettlementSummary", "AccessLogEntry", "Meeting", "Grant", "Handover", "WorkItem", "Assessment")) {
            JsonNode schema = schemas.path(name);
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(n -> required.add(n.asText()));
            schema.path("properties").fieldNames().forEachRemaining(property -> {
                if (!required.contains(property)) {
                    incomplete.add(name + "." + property);
                }
            });
        }
        assertEquals(List.of(), incomplete, "properties of answers that are not listed as required");
        List<String> nullable = new ArrayList<>();
        for (String field : List.of("Case/adviser", "Case/processInstanceKey", "Task/assignee", "Task/outcome", "Task/completedAt",
                "AgendaItem/rolledFrom", "AgendaItem/material", "AgendaItem/decision", "Decision/leadDepartment",
                "PaymentPeriod/to", "SettlementSummary/approvedBy", "SettlementSummary/approvedAt", "AccessLogEntry/criteria")) {
            JsonNode property = schemas.path(field.split("/")[0]).path("properties").path(field.split("/")[1]);
            if (!property.toString().contains("\"null\"")) {
                nullable.add(field + " " + property);
            }
        }
        assertEquals(List.of(), nullable, "fields that can be null but do not say so");
        assertEquals(List.of("status", "title", "type"),
                YAML.convertValue(schemas.path("Problem").path("required"), List.class).stream().sorted().toList());
    }

    @Test
    void an_operation_without_a_token_says_so_and_the_document_names_its_server() throws IOException {
        JsonNode document = YAML.readTree(Files.readString(COMMITTED));
        JsonNode mint = document.path("paths").path("/dev/tokens").path("post");
        assertTrue(mint.has("security") && mint.path("security").isEmpty(), "POST /dev/tokens: " + mint.path("security"));
        assertFalse(document.path("servers").isEmpty(), "servers");
        JsonNode getCase = document.path("paths").path("/cases/{id}").path("get").path("responses");
        for (String status : List.of("414", "431", "429")) {
            assertTrue(getCase.path(status).path("content").has(Problem.MEDIA_TYPE), "getCase documents " + status);
        }
    }

    @Test
    void swagger_ui_is_served() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
