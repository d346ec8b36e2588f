package dk.visitation.cases;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.registerCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dk.visitation.support.Tokens;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which department sees a case: current, contributing (shared case), or previous for a while. */
@QuarkusTest
class CaseScopeTest {

    private static String cbaAdviser() {
        return Tokens.of("carl.cba", Set.of("CBA_ADVISER"), Set.of("CBA"));
    }

    @Test
    void another_department_does_not_see_a_case_nor_learn_that_it_exists() {
        String cpr = freshCpr();
        UUID id = registerCase(cpr);
        as(cbaAdviser()).get("/cases/" + id).then().statusCode(404);
        as(cbaAdviser()).queryParam("size", 200).get("/cases").then().statusCode(200)
                .body("items.id", not(hasItem(id.toString())));
        as(cbaAdviser()).contentType(ContentType.JSON).body(Map.of("cpr", cpr)).post("/cases/search").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void the_contributing_department_of_a_shared_case_sees_it() {
        UUID id = registerCase(freshCpr());
        sql("update child_case set contributing_department = 'CBA' where id = :id", id, null);
        as(cbaAdviser()).get("/cases/" + id).then().statusCode(200);
        as(cbaAdviser()).queryParam("size", 200).get("/cases").then().body("items.id", hasItem(id.toString()));
    }

    @Test
    void a_previous_department_sees_the_case_for_the_configured_period_only() {
        UUID recent = registerCase(freshCpr());
        sql("""
                insert into case_status_change (case_id, status, department, changed_at, changed_by, reason)
                values (:id, 'RECEIVED', 'CBA', :at, 'test', 'was in CBA')""", recent, Instant.now().minus(5, ChronoUnit.DAYS));
        UUID longAgo = registerCase(freshCpr());
        sql("""
                insert into case_status_change (case_id, status, department, changed_at, changed_by, reason)
                values (:id, 'RECEIVED', 'CBA', :at, 'test', 'was in CBA')""", longAgo, Instant.now().minus(90, ChronoUnit.DAYS));

        as(cbaAdviser()).get("/cases/" + recent).then().statusCode(200);
        as(cbaAdviser()).get("/cases/" + longAgo).then().statusCode(404);
    }

    @Test
    void leaders_and_auditors_see_every_case() {
        UUID id = registerCase(freshCpr());
        as(Tokens.of("lone.leader", Set.of("LEADER"), Set.of())).get("/cases/" + id).then().statusCode(200);
        as(Tokens.of("anne.auditor", Set.of("AUDITOR"), Set.of())).get("/cases/" + id).then().statusCode(200);
    }

    @Test
    void an_adviser_registers_cases_only_in_their_own_department() {
        var body = new java.util.HashMap<>(dk.visitation.support.Api.newCase(freshCpr()));
        body.put("department", "MYN");
        as(cbaAdviser()).contentType(ContentType.JSON).body(body).post("/cases").then()
                .statusCode(403).contentType("application/problem+json");
    }

    private static void sql(String statement, UUID id, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = Panache.getEntityManager().createNativeQuery(statement).setParameter("id", id);
            if (at != null) {
                query.setParameter("at", at);
            }
            query.executeUpdate();
        });
    }
}
