package dk.visitation.advisers;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.Advisers;
import dk.visitation.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 14: the adviser register, kept by LEADER, with ETag/If-Match and problem+json like the other resources. */
@QuarkusTest
class AdviserRegisterTest {

    private static RequestSpecification leader() {
        return as(Advisers.leader());
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> adviser(String userId, String department) {
        Map<String, Object> body = new HashMap<>(Map.of("userId", userId, "name", "Mette Madsen", "department", department,
                "caseloadKind", "CHILDREN_AND_FAMILY", "activeFrom", "2026-01-01"));
        body.put("fte", 1);
        return body;
    }

    @Test
    void a_leader_registers_an_adviser_by_weekly_hours_and_reads_the_fte_share_back_with_an_etag() {
        String userId = "register." + tag();
        Map<String, Object> body = adviser(userId, "MYN");
        body.remove("fte");
        body.put("weeklyHours", 29.6);
        String etag = leader().contentType(ContentType.JSON).body(body).post("/advisers").then()
                .statusCode(201).header("Location", endsWith("/advisers/" + userId))
                .body("fte", equalTo(0.8f)).body("weeklyHours", equalTo(29.6f)).body("active", equalTo(true))
                .body("openCases", equalTo(0)).body("loadPerFte", equalTo(0.0f)).body("activeTo", equalTo(null))
                .extract().header("ETag");
        leader().get("/advisers/" + userId).then().statusCode(200).header("ETag", etag)
                .body("name", equalTo("Mette Madsen")).body("department", equalTo("MYN")).body("caseloadKind", equalTo("CHILDREN_AND_FAMILY"));
        leader().contentType(ContentType.JSON).body(adviser(userId, "MYN")).post("/advisers").then()
                .statusCode(409).contentType("application/problem+json");
    }

    @Test
    void a_register_entry_that_is_not_valid_is_a_400_problem_naming_the_field() {
        String userId = "invalid." + tag();
        Map<String, Object> both = adviser(userId, "MYN");
        both.put("weeklyHours", 37);
        leader().contentType(ContentType.JSON).body(both).post("/advisers").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("weeklyHours"));
        Map<String, Object> neither = adviser(userId, "MYN");
        neither.remove("fte");
        leader().contentType(ContentType.JSON).body(neither).post("/advisers").then().statusCode(400).body("errors.field", hasItem("fte"));
        Map<String, Object> overFull = adviser(userId, "MYN");
        overFull.put("fte", 1.2);
        leader().contentType(ContentType.JSON).body(overFull).post("/advisers").then().statusCode(400);
        Map<String, Object> backwards = adviser(userId, "MYN");
        backwards.put("activeTo", "2025-12-31");
        leader().contentType(ContentType.JSON).body(backwards).post("/advisers").then().statusCode(400).body("errors.field", hasItem("activeTo"));
        leader().contentType(ContentType.JSON).body(adviser(userId, "ODENSE")).post("/advisers").then().statusCode(400)
                .contentType("application/problem+json");
        leader().contentType(ContentType.JSON).body(adviser("no spaces " + userId, "MYN")).post("/advisers").then().statusCode(400);
        leader().get("/advisers/" + userId).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_change_needs_the_current_etag_428_without_it_412_when_stale_and_answers_the_new_version() {
        String userId = "change." + tag();
        String etag = leader().contentType(ContentType.JSON).body(adviser(userId, "MYN")).post("/advisers").then().statusCode(201)
                .extract().header("ETag");
        Map<String, Object> change = adviser(userId, "MYN");
        change.remove("userId");
        change.put("fte", 0.5);
        change.put("activeTo", "2027-01-01");
        leader().contentType(ContentType.JSON).body(change).put("/advisers/" + userId).then().statusCode(428);
        String next = leader().contentType(ContentType.JSON).header("If-Match", etag).body(change).put("/advisers/" + userId).then()
                .statusCode(200).header("ETag", not(equalTo(etag))).body("fte", equalTo(0.5f)).body("weeklyHours", equalTo(18.5f))
                .body("activeTo", equalTo("2027-01-01")).extract().header("ETag");
        leader().contentType(ContentType.JSON).header("If-Match", etag).body(change).put("/advisers/" + userId).then().statusCode(412);
        leader().contentType(ContentType.JSON).header("If-Match", next).body(change).put("/advisers/nobody." + tag()).then().statusCode(404);
    }

    @Test
    void the_register_ordered_by_load_lists_the_least_loaded_first_each_with_the_cases_held_now() {
        String busy = Advisers.ensure("busy." + tag(), "MYN");
        String idle = Advisers.ensure("idle." + tag(), "MYN");
        for (int i = 0; i < 2; i++) {
            Map<String, Object> intake = new HashMap<>(Api.newCase(freshCpr()));
            intake.put("adviser", busy);
            Api.register(intake).statusCode(201);
        }
        List<Map<String, Object>> items = leader().queryParam("department", "MYN").queryParam("order", "load").queryParam("size", 200)
                .get("/advisers").then().statusCode(200).extract().path("items");
        assertTrue(items.stream().allMatch(a -> "MYN".equals(a.get("department"))), "only MYN's advisers");
        List<Float> loads = items.stream().map(a -> ((Number) a.get("loadPerFte")).floatValue()).toList();
        assertEquals(loads.stream().sorted().toList(), loads, "least loaded first");
        Map<String, Object> busyLine = items.stream().filter(a -> busy.equals(a.get("userId"))).findFirst().orElseThrow();
        Map<String, Object> idleLine = items.stream().filter(a -> idle.equals(a.get("userId"))).findFirst().orElseThrow();
        assertEquals(2, busyLine.get("openCases"));
        assertEquals(0, idleLine.get("openCases"));
        assertTrue(items.indexOf(idleLine) < items.indexOf(busyLine));
        leader().queryParam("order", "BUSIEST").get("/advisers").then().statusCode(400).contentType("application/problem+json");
    }
}
