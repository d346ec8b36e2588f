package dk.visitation.security;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Api.registerCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.Tokens;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessLogTest {

    @Inject
    AccessLog accessLog;

    private static String auditor() {
        return Tokens.of("anne.auditor", Set.of(Role.AUDITOR), Set.of());
    }

    @Test
    void reading_a_case_leaves_exactly_one_entry_naming_the_reader_the_case_and_the_child() {
        UUID caseId = registerCase(freshCpr());
        long before = entries(caseId);
        given().get("/cases/" + caseId).then().statusCode(200);
        assertEquals(before + 1, entries(caseId));
        AccessLogEntry entry = last(caseId);
        assertEquals(AccessLog.Action.READ, entry.action);
        assertEquals("test.adviser", entry.actor);
        assertEquals(1, entry.childIds.length);
    }

    @Test
    void a_search_leaves_exactly_one_entry_with_its_criteria_and_the_cpr_masked() {
        String cpr = freshCpr();
        UUID caseId = registerCase(cpr);
        long before = entries(caseId);
        given().contentType(ContentType.JSON).body(Map.of("cpr", cpr)).post("/cases/search").then().statusCode(200);
        assertEquals(before + 1, entries(caseId));
        AccessLogEntry entry = last(caseId);
        assertEquals(AccessLog.Action.SEARCH, entry.action);
        assertEquals(Map.of("cpr", cpr.substring(0, 6) + "-XXXX"), entry.criteria.get("criteria"));
    }

    @Test
    void an_export_for_aktindsigt_leaves_exactly_one_entry() {
        UUID caseId = registerCase(freshCpr());
        long before = entries(caseId);
        String html = given().get("/cases/" + caseId + "/insight").then().statusCode(200)
                .contentType(ContentType.HTML).extract().asString();
        assertTrue(html.contains("kan ikke påklages"), "the document says the placement cannot be appealed");
        assertEquals(before + 1, entries(caseId));
        assertEquals(AccessLog.Action.EXPORT, last(caseId).action);
    }

    @Test
    void a_guardian_can_be_told_who_looked_at_the_childs_case() {
        String cpr = freshCpr();
        UUID caseId = registerCase(cpr);
        as(Tokens.of("lars.leader", Set.of(Role.LEADER), Set.of())).get("/cases/" + caseId).then().statusCode(200);
        as(auditor()).contentType(ContentType.JSON).body(Map.of("cpr", cpr)).post("/access-log/search").then()
                .statusCode(200)
                .body("items.actor", hasItem("lars.leader"))
                .body("items.actor", hasItem("test.adviser"))
                .body("items.action", hasItem("CREATE"));
        as(auditor()).queryParam("actor", "lars.leader").get("/access-log").then()
                .statusCode(200).body("items[0].caseIds[0]", equalTo(caseId.toString()));
    }

    @Test
    void the_auditors_own_queries_are_logged() {
        String cpr = freshCpr();
        registerCase(cpr);
        as(auditor()).contentType(ContentType.JSON).body(Map.of("cpr", cpr)).post("/access-log/search").then().statusCode(200);
        as(auditor()).queryParam("actor", "anne.auditor").queryParam("action", "AUDIT_QUERY").get("/access-log").then()
                .statusCode(200).body("items[0].criteria.cpr", equalTo(cpr.substring(0, 6) + "-XXXX"));
    }

    @Test
    void the_log_is_append_only() {
        UUID caseId = registerCase(freshCpr());
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("update access_log set actor = 'someone else' where :id = any(case_ids)")
                .setParameter("id", caseId).executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("delete from access_log where :id = any(case_ids)")
                .setParameter("id", caseId).executeUpdate()));
        assertTrue(entries(caseId) > 0);
    }

    @Test
    void the_retention_purge_deletes_only_old_entries_and_logs_itself() {
        UUID old = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager().createNativeQuery("""
                        insert into access_log (at, actor, roles, client, action, case_ids, child_ids, what)
                        values (:at, 'former.adviser', '', 'test', 'READ', array[cast(:id as uuid)], array[]::uuid[], 'case')""")
                .setParameter("at", Instant.now().minus(3000, ChronoUnit.DAYS)).setParameter("id", old).executeUpdate());
        UUID recent = registerCase(freshCpr());
        assertEquals(1, entries(old));

        long deleted = accessLog.purge();

        assertTrue(deleted >= 1);
        assertEquals(0, entries(old));
        assertTrue(entries(recent) > 0);
        as(auditor()).queryParam("action", "PURGE").get("/access-log").then().statusCode(200)
                .body("items[0].actor", equalTo("system"));
    }

    private static long entries(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from access_log where :id = any(case_ids)")
                .setParameter("id", caseId).getSingleResult()).longValue());
    }

    private static AccessLogEntry last(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Long> ids = Panache.getEntityManager()
                    .createNativeQuery("select id from access_log where :id = any(case_ids) order by id desc limit 1", Long.class)
                    .setParameter("id", caseId).getResultList();
            return AccessLogEntry.<AccessLogEntry>findById(ids.getFirst());
        });
    }
}
