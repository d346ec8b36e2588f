package dk.visitation.tasks;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Api.registerCase;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.visitation.support.Tasks;
import dk.visitation.support.Visitation;
import dk.visitation.support.Tokens;
import dk.visitation.workflow.EmbeddedEngine;
import dk.visitation.workflow.EngineRecords;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TaskListTest {

    @Inject
    EmbeddedEngine engine;

    @Inject
    UserTaskProjector projector;

    private static String mette() {
        return Tokens.of("mette.myn", Set.of("MYN_ADVISER"), Set.of("MYN"));
    }

    private static String lars() {
        return Tokens.of("lars.myn", Set.of("MYN_ADVISER"), Set.of("MYN"));
    }

    private static String carl() {
        return Tokens.of("carl.cba", Set.of("CBA_ADVISER"), Set.of("CBA"));
    }

    @Test
    void a_new_case_puts_the_target_group_assessment_on_MYNs_task_list_with_its_form() {
        UUID caseId = registerCase(freshCpr());
        String task = Tasks.awaitOpen(caseId, "assess-target-group");
        as(mette()).get("/tasks/" + task).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("name", equalTo("Målgruppevurdering"))
                .body("candidateGroup", equalTo("MYN"))
                .body("formKey", equalTo("visitation:target-group-assessment"))
                .body("caseId", equalTo(caseId.toString()))
                .body("status", equalTo("OPEN"));
        as(mette()).queryParam("caseId", caseId.toString()).get("/tasks").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(task));
    }

    @Test
    void the_assessment_is_due_in_14_days_with_a_follow_up_after_7_and_the_list_filters_and_sorts_by_due_date() {
        UUID caseId = registerCase(freshCpr());
        String task = Tasks.awaitOpen(caseId, "assess-target-group");
        var view = as(mette()).get("/tasks/" + task).then().statusCode(200).body("priority", equalTo(60)).extract();
        java.time.OffsetDateTime due = java.time.OffsetDateTime.parse(view.path("dueAt"));
        java.time.OffsetDateTime followUp = java.time.OffsetDateTime.parse(view.path("followUpAt"));
        java.time.OffsetDateTime created = java.time.OffsetDateTime.parse(view.path("createdAt"));
        assertEquals(14, Math.round(Duration.between(created, due).toHours() / 24.0));
        assertEquals(7, Math.round(Duration.between(created, followUp).toHours() / 24.0));

        as(mette()).queryParam("caseId", caseId.toString()).queryParam("dueBefore", due.minusDays(1).toString()).get("/tasks")
                .then().body("total", equalTo(0));
        as(mette()).queryParam("caseId", caseId.toString()).queryParam("dueBefore", due.plusDays(1).toString()).get("/tasks")
                .then().body("total", equalTo(1));
        java.util.List<String> dues = as(mette()).queryParam("size", 200).get("/tasks").then().extract().path("items.dueAt");
        java.util.List<String> present = dues.stream().filter(java.util.Objects::nonNull).toList();
        assertEquals(present.stream().map(java.time.OffsetDateTime::parse).sorted().toList(),
                present.stream().map(java.time.OffsetDateTime::parse).toList(), "soonest due first");
    }

    @Test
    void tasks_due_at_the_same_time_are_listed_by_priority_highest_first_then_oldest_first() {
        UUID caseId = registerCase(freshCpr());
        String assessment = Tasks.awaitOpen(caseId, "assess-target-group"); // due in 14 days
        java.time.Instant due = java.time.Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        java.time.Instant created = java.time.Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // steps of other processes on the same case, as the projector writes them: one earlier due, three due together
        java.util.List<Object[]> probes = java.util.List.of(new Object[] {"probe-low", 20, due, created},
                new Object[] {"probe-high-newer", 80, due, created.plusSeconds(60)}, new Object[] {"probe-high-older", 80, due, created},
                new Object[] {"probe-early", 10, due.minus(Duration.ofDays(1)), created});
        java.util.Map<String, UUID> ids = new java.util.HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> probes.forEach(p -> {
            UUID id = UUID.randomUUID();
            ids.put((String) p[0], id);
            io.quarkus.hibernate.orm.panache.Panache.getEntityManager().createNativeQuery("""
                            insert into task (id, case_id, subject_id, process_instance_key, element_id, loop_counter, job_key, name,
                                              candidate_group, due_at, priority, status, created_at, version)
                            values (:id, :case, :id, 1, :element, 0, 1, 'Prøve', 'MYN', :due, :priority, 'OPEN', :created, 0)""")
                    .setParameter("id", id).setParameter("case", caseId).setParameter("element", p[0]).setParameter("due", p[2])
                    .setParameter("priority", p[1]).setParameter("created", p[3]).executeUpdate();
        }));
        try {
            assertEquals(java.util.List.of(ids.get("probe-early").toString(), ids.get("probe-high-older").toString(),
                            ids.get("probe-high-newer").toString(), ids.get("probe-low").toString(), assessment),
                    as(mette()).queryParam("caseId", caseId.toString()).get("/tasks").then().statusCode(200).extract().path("items.id"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                    .createNativeQuery("delete from task where id in (:ids)").setParameter("ids", ids.values()).executeUpdate());
        }
    }

    @Test
    void a_task_is_visible_only_to_its_group() {
        UUID caseId = registerCase(freshCpr());
        String task = Tasks.awaitOpen(caseId, "assess-target-group");
        as(carl()).get("/tasks/" + task).then().statusCode(404).contentType("application/problem+json");
        as(carl()).queryParam("caseId", caseId.toString()).get("/tasks").then().body("total", equalTo(0));
        as(carl()).queryParam("size", 200).get("/tasks").then().body("items.candidateGroup", everyItem(equalTo("CBA")));
        as(Tokens.of("anne.auditor", Set.of("AUDITOR"), Set.of())).get("/tasks").then().statusCode(403);
    }

    @Test
    void claim_unclaim_and_reassign_within_the_group() {
        UUID caseId = registerCase(freshCpr());
        String task = Tasks.awaitOpen(caseId, "assess-target-group");
        as(mette()).post("/tasks/" + task + "/claim").then().statusCode(200).body("assignee", equalTo("mette.myn"));
        as(lars()).post("/tasks/" + task + "/claim").then().statusCode(409).contentType("application/problem+json");
        as(lars()).queryParam("assignee", "mette.myn").get("/tasks").then().body("items.id", hasItem(task));
        as(mette()).queryParam("assignee", "me").get("/tasks").then().body("items.id", hasItem(task));
        as(lars()).post("/tasks/" + task + "/unclaim").then().statusCode(409);
        as(mette()).post("/tasks/" + task + "/unclaim").then().statusCode(200).body("assignee", nullValue());
        as(mette()).contentType(ContentType.JSON).body(Map.of("assignee", "lars.myn"))
                .post("/tasks/" + task + "/assignee").then().statusCode(200).body("assignee", equalTo("lars.myn"));
        as(mette()).contentType(ContentType.JSON).body(Map.of("assignee", " "))
                .post("/tasks/" + task + "/assignee").then().statusCode(400);
        as(mette()).contentType(ContentType.JSON).body(Map.of()).post("/tasks/" + task + "/complete").then().statusCode(409);
    }

    @Test
    void a_claimed_task_is_handed_on_only_by_its_assignee_or_a_leader_only_to_a_member_of_its_group_and_the_history_says_so() {
        UUID caseId = registerCase(freshCpr());
        String task = Tasks.awaitOpen(caseId, "assess-target-group");
        String leader = Tokens.of("lone.leader", Set.of("LEADER"), Set.of());
        as(lars()).get("/tasks").then().statusCode(200); // lars.myn has used MYN's task list: a member of MYN
        as(carl()).get("/tasks").then().statusCode(200); // carl.cba: a member of CBA only
        as(mette()).post("/tasks/" + task + "/claim").then().statusCode(200);

        as(lars()).contentType(ContentType.JSON).body(Map.of("assignee", "lars.myn"))
                .post("/tasks/" + task + "/assignee").then().statusCode(403).contentType("application/problem+json");
        as(mette()).contentType(ContentType.JSON).body(Map.of("assignee", "carl.cba"))
                .post("/tasks/" + task + "/assignee").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:visitation:problem:business-rule"));
        as(mette()).contentType(ContentType.JSON).body(Map.of("assignee", "nobody.known"))
                .post("/tasks/" + task + "/assignee").then().statusCode(422);
        as(mette()).get("/tasks/" + task).then().body("assignee", equalTo("mette.myn"));

        as(mette()).contentType(ContentType.JSON).body(Map.of("assignee", "lars.myn"))
                .post("/tasks/" + task + "/assignee").then().statusCode(200).body("assignee", equalTo("lars.myn"));
        as(leader).contentType(ContentType.JSON).body(Map.of("assignee", "mette.myn"))
                .post("/tasks/" + task + "/assignee").then().statusCode(200).body("assignee", equalTo("mette.myn"));

        as(mette()).get("/tasks/" + task + "/history").then().statusCode(200)
                .body("action", equalTo(java.util.List.of("CLAIM", "REASSIGN", "REASSIGN")))
                .body("actor", equalTo(java.util.List.of("mette.myn", "mette.myn", "lone.leader")))
                .body("oldAssignee", equalTo(java.util.Arrays.asList(null, "mette.myn", "lars.myn")))
                .body("newAssignee", equalTo(java.util.List.of("mette.myn", "lars.myn", "mette.myn")));
        as(carl()).get("/tasks/" + task + "/history").then().statusCode(404);
    }

    @Test
    void completing_writes_who_did_it_completes_the_job_and_cannot_happen_twice() {
        UUID caseId = registerCase(freshCpr());
        String task = Tasks.awaitOpen(caseId, "assess-target-group");
        long instance = Long.parseLong(given().get("/cases/" + caseId).then().extract().path("processInstanceKey"));

        as(mette()).contentType(ContentType.JSON).body(Visitation.facts("NONE")).put("/cases/" + caseId + "/assessment")
                .then().statusCode(200);
        as(mette()).contentType(ContentType.JSON).body(Map.of("outcome", "STAYS_MYN")).post("/tasks/" + task + "/complete").then()
                .statusCode(200).body("status", equalTo("COMPLETED")).body("completedBy", equalTo("mette.myn"))
                .body("outcome.outcome", equalTo("STAYS_MYN"));

        EngineRecords records = new EngineRecords(engine);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(true,
                records.elements(instance, ProcessInstanceIntent.ELEMENT_COMPLETED).contains("assess-target-group")));
        as(mette()).contentType(ContentType.JSON).body(Map.of("outcome", "STAYS_MYN")).post("/tasks/" + task + "/complete").then()
                .statusCode(409);
        as(mette()).queryParam("caseId", caseId.toString()).queryParam("status", "COMPLETED").get("/tasks").then()
                .body("items[0].completedBy", equalTo("mette.myn"));
    }

    @Test
    void a_new_job_for_the_same_step_relinks_the_task_and_keeps_its_claim() throws Exception {
        UUID caseId = registerCase(freshCpr());
        String task = Tasks.awaitOpen(caseId, "assess-target-group");
        as(mette()).post("/tasks/" + task + "/claim").then().statusCode(200);

        // what the engine hands out after a restart: the same step as a new job
        projector.handle(job(caseId, "assess-target-group", 4_242_424_242L));

        assertEquals(4_242_424_242L, (long) QuarkusTransaction.requiringNew().call(
                () -> Task.<Task>findById(UUID.fromString(task)).jobKey));
        as(mette()).queryParam("caseId", caseId.toString()).get("/tasks").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(task)).body("items[0].assignee", equalTo("mette.myn"));
    }

    @Test
    void unknown_tasks_and_bad_filters_are_problems() {
        as(mette()).get("/tasks/" + UUID.randomUUID()).then().statusCode(404);
        as(mette()).queryParam("status", "DONE").get("/tasks").then().statusCode(400);
        as(mette()).queryParam("dueBefore", "tomorrow").get("/tasks").then().statusCode(400);
    }

    /** A user-task job as the engine would activate it. */
    private static ActivatedJob job(UUID caseId, String elementId, long key) {
        Map<String, String> headers = Map.of("io.camunda.zeebe:candidateGroups", "[\"MYN\"]",
                "io.camunda.zeebe:formKey", "visitation:target-group-assessment");
        return (ActivatedJob) Proxy.newProxyInstance(ActivatedJob.class.getClassLoader(), new Class<?>[] {ActivatedJob.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getKey" -> key;
                    case "getElementId" -> elementId;
                    case "getProcessInstanceKey" -> 1L;
                    case "getCustomHeaders" -> headers;
                    case "getVariable" -> caseId.toString();
                    case "getVariablesAsMap" -> Map.of("caseId", caseId.toString());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
