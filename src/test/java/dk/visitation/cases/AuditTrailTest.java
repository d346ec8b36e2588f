package dk.visitation.cases;

import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Api.registerCase;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditTrailTest {

    @Test
    void every_change_is_audited_with_who_old_and_new_value_and_the_reason() {
        UUID id = registerCase(freshCpr());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/cases/" + id).then()
                .body("status", equalTo("AWAITING_ASSESSMENT")));
        String etag = given().get("/cases/" + id).then().extract().header("ETag");

        given().contentType("application/merge-patch+json").header("If-Match", etag)
                .header("Change-Reason", URLEncoder.encode("Rådgiver skiftet efter omfordeling", StandardCharsets.UTF_8))
                .body(Map.of("adviser", "mette.myn", "description", "Skolen beskriver betydelig og varig nedsat funktionsevne."))
                .patch("/cases/" + id).then().statusCode(200);

        given().get("/cases/" + id + "/audit").then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("action", contains("CREATE", "CHANGE"))
                .body("[1].actor", equalTo("test.adviser"))
                .body("[1].field", equalTo("adviser"))
                .body("[1].oldValue", equalTo(null))
                .body("[1].newValue", equalTo("mette.myn"))
                .body("[1].reason", equalTo("Rådgiver skiftet efter omfordeling"));
    }

    @Test
    void a_change_after_the_decision_needs_a_reason() {
        UUID id = registerCase(freshCpr());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/cases/" + id).then()
                .body("status", equalTo("AWAITING_ASSESSMENT")));
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("update child_case set status = 'DECIDED_CBA', version = version + 1 where id = :id")
                .setParameter("id", id).executeUpdate());
        String etag = given().get("/cases/" + id).then().extract().header("ETag");

        given().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("adviser", "carl.cba")).patch("/cases/" + id).then()
                .statusCode(400).body("errors[0].field", equalTo("Change-Reason"));
        given().get("/cases/" + id).then().header("ETag", etag);
        given().contentType("application/merge-patch+json").header("If-Match", etag).header("Change-Reason", "Ny rådgiver i CBA")
                .body(Map.of("adviser", "carl.cba")).patch("/cases/" + id).then().statusCode(200);
    }

    @Test
    void the_audit_of_a_case_outside_scope_or_unknown_is_404() {
        given().get("/cases/" + UUID.randomUUID() + "/audit").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
