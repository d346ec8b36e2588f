package dk.visitation.common;

import static dk.visitation.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dk.visitation.support.Api;
import dk.visitation.support.ContractSchema;
import dk.visitation.support.Tasks;
import dk.visitation.tasks.FormSchemas;
import dk.visitation.tasks.TaskForm;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Task forms are typed: one published schema per form key, named by the task, and the form holds to it. */
@QuarkusTest
class TaskFormSchemasTest {

    private static final Pattern FORM_KEY = Pattern.compile("formKey=\"([^\"]+)\"");

    @Inject
    Instance<TaskForm> forms;

    private final ContractSchema contract = ContractSchema.committed();

    @Test
    void every_form_key_of_the_models_has_a_published_schema_that_complete_task_takes() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher matcher = FORM_KEY.matcher(Files.readString(model));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        Set<String> implemented = new TreeSet<>();
        forms.forEach(form -> implemented.add(form.formKey()));
        assertTrue(keys.containsAll(implemented), "forms for keys no model has: " + implemented);
        assertEquals(implemented, FormSchemas.BY_FORM_KEY.keySet().stream().collect(java.util.stream.Collectors.toCollection(TreeSet::new)),
                "every form with input has a published schema");
        JsonNode body = contract.document().at("/paths/~1tasks~1{id}~1complete/post/requestBody/content/application~1json");
        List<String> offered = new ArrayList<>();
        body.path("schema").path("oneOf").forEach(s -> offered.add(s.path("$ref").asText().replace("#/components/schemas/", "")));
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            String schema = FormSchemas.of(key);
            if (!offered.contains(schema)) {
                missing.add(key + " → " + schema);
            }
            JsonNode published = contract.target("#/components/schemas/" + schema);
            JsonNode example = published.path("examples").path(0);
            assertFalse(example.isMissingNode(), schema + " has an example");
            assertEquals(List.of(), contract.check(example, published, true), schema + "'s example fits it");
        }
        assertEquals(List.of(), missing, "form schemas completeTask does not offer");
        assertTrue(body.path("examples").size() >= FormSchemas.BY_FORM_KEY.size(), "an example per form: " + body.path("examples"));
    }

    @Test
    void a_task_says_which_schema_its_form_uses_and_a_field_off_it_is_a_400_that_completes_nothing() {
        UUID caseId = Api.registerCase(Api.freshCpr());
        String task = Tasks.awaitOpen(caseId, "assess-target-group");
        given().get("/tasks/" + task).then().statusCode(200).body("formSchema", equalTo("TargetGroupAssessmentForm"));
        given().contentType(ContentType.JSON).body(Map.of("outcome", "COMMITTEE", "colour", "blue"))
                .post("/tasks/" + task + "/complete").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItem("colour"));
        given().get("/tasks/" + task).then().statusCode(200).body("status", equalTo("OPEN"));
    }
}
