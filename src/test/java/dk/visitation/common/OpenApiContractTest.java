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

    @Test
    void swagger_ui_is_served() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
