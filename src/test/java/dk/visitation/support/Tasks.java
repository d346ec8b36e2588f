package dk.visitation.support;

import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Task-list steps most process tests take: wait for a case's task to appear, complete it. */
public final class Tasks {

    private Tasks() {
    }

    /** A leader sees every group's tasks: the id of the open task of {@code caseId} at {@code elementId}. */
    public static String awaitOpen(UUID caseId, String elementId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Map<String, Object>> items = Api.as(leader()).queryParam("caseId", caseId.toString()).get("/tasks")
                    .then().statusCode(200).extract().path("items");
            return items.stream().filter(t -> elementId.equals(t.get("elementId"))).map(t -> (String) t.get("id"))
                    .findFirst().orElse(null);
        }, id -> id != null);
    }

    /** Completes a task as a member of its group (the default test adviser for MYN and CBA tasks). */
    public static void complete(String taskId, Map<String, ?> input) {
        Api.given().contentType(ContentType.JSON).body(input).post("/tasks/" + taskId + "/complete").then().statusCode(200);
    }

    public static String leader() {
        return Tokens.of("lone.leader", Set.of("LEADER"), Set.of());
    }
}
