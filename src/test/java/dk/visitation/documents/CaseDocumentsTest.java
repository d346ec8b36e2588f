package dk.visitation.documents;

import static dk.visitation.support.Api.as;
import static dk.visitation.support.Api.freshCpr;
import static dk.visitation.support.Api.given;
import static dk.visitation.support.Api.registerCase;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.support.Tasks;
import dk.visitation.support.Tokens;
import dk.visitation.support.Visitation;
import dk.visitation.workflow.EmbeddedEngine;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 17, documents by reference: one validated reference type, cited by every feature, listed per case. */
@QuarkusTest
class CaseDocumentsTest {

    @Inject
    EmbeddedEngine engine;

    static Map<String, Object> reference(String system, String caseNumber, String documentId, String date) {
        Map<String, Object> reference = new HashMap<>(Map.of("system", system, "caseNumber", caseNumber, "documentId", documentId,
                "title", "Dokument " + documentId));
        reference.put("date", date);
        return reference;
    }

    private static Map<String, Object> notification(Map<String, Object> document) {
        return Map.of("kind", "NOTIFICATION", "occurredAt", "2026-11-20T09:30:00+01:00", "notifierKind", "PROFESSIONAL",
                "urgent", false, "document", document);
    }

    @Test
    void a_reference_to_an_unknown_system_or_with_a_case_number_out_of_its_format_is_a_problem_naming_the_field_and_writes_nothing() {
        UUID caseId = registerCase(freshCpr());
        given().contentType(ContentType.JSON).body(notification(reference("DOCUWARE", "27.24.00-G01-123-22", "1", "2026-11-20")))
                .post("/cases/" + caseId + "/casework").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("document.system"));
        given().contentType(ContentType.JSON).body(notification(reference("SBSYS", "2026-123", "1", "2026-11-20")))
                .post("/cases/" + caseId + "/casework").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("document.caseNumber"))
                .body("errors[0].message", equalTo("is not a SBSYS case number (^\\d{2}\\.\\d{2}\\.\\d{2}-[A-Z]\\d{2}-\\d+-\\d{2}$)"));
        given().get("/cases/" + caseId + "/casework").then().statusCode(200).body("", hasSize(0));
        given().get("/cases/" + caseId + "/documents").then().statusCode(200).body("total", equalTo(0));

        // the same rule in a task form: the material is refused and its task stays open
        String assessment = Tasks.awaitOpen(caseId, "assess-target-group");
        given().contentType(ContentType.JSON).body(Visitation.greyZone()).put("/cases/" + caseId + "/assessment").then().statusCode(200);
        Tasks.complete(assessment, Map.of("outcome", "COMMITTEE"));
        String material = Tasks.awaitOpen(caseId, "prepare-committee-material");
        Map<String, Object> form = new HashMap<>(Visitation.material());
        form.put("documentReferences", List.of(reference("SBSYS", "27.24.00-G01-123-22", "1", null),
                reference("ACADRE", "27.24.00-G01-123", "2", null)));
        given().contentType(ContentType.JSON).body(form).post("/tasks/" + material + "/complete").then().statusCode(400)
                .body("errors.field", contains("documentReferences[1].caseNumber"));
        given().get("/tasks/" + material).then().statusCode(200).body("status", equalTo("OPEN"));
        given().get("/cases/" + caseId + "/documents").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void documents_cited_by_casework_committee_material_decision_and_handover_summary_are_listed_newest_first_in_pages() {
        UUID caseId = Visitation.assessed(Visitation.greyZone(), "COMMITTEE");
        String entry = given().contentType(ContentType.JSON)
                .body(notification(reference("SBSYS", "27.24.00-G01-1-26", "n-1", "2026-11-20")))
                .post("/cases/" + caseId + "/casework").then().statusCode(201).extract().path("id");
        Map<String, Object> material = new HashMap<>(Visitation.material());
        material.put("documentReferences", List.of(reference("SBSYS", "27.24.00-G01-1-26", "m-1", "2026-11-01"),
                reference("SBSYS", "27.24.00-G01-1-26", "m-2", "2026-11-25")));
        Tasks.complete(Tasks.awaitOpen(caseId, "prepare-committee-material"), material);
        Visitation.awaitStatus(caseId, "ON_COMMITTEE_AGENDA");

        String meeting = Visitation.meetingOf(caseId);
        Visitation.passDeadline(engine, meeting);
        Visitation.attend(meeting);
        String[] item = Visitation.item(meeting, caseId);
        String materialId = as(Visitation.member("mette.myn")).get("/committee/meetings/" + meeting + "/agenda/" + item[0]).then()
                .statusCode(200).body("material.documentReferences.documentId", contains("m-1", "m-2"))
                .extract().path("material.id");
        Map<String, Object> decision = new HashMap<>(Map.of("outcome", "CBA", "justification", "Betydelig og varig nedsat funktionsevne.",
                "decidedBy", List.of("mette.myn", "carl.cba")));
        decision.put("document", reference("ACADRE", "27.24.00-G01-abc-26", "d-1", "2026-12-01"));
        as(Visitation.member("mette.myn")).contentType(ContentType.JSON).header("If-Match", "\"" + item[1] + "\"").body(decision)
                .post("/committee/meetings/" + meeting + "/agenda/" + item[0] + "/decision").then().statusCode(400)
                .body("errors.field", contains("document.caseNumber"));
        decision.put("document", reference("ACADRE", "27.24.00-G01-7-26", "d-1", "2026-12-01"));
        String decisionId = as(Visitation.member("mette.myn")).contentType(ContentType.JSON).header("If-Match", "\"" + item[1] + "\"")
                .body(decision).post("/committee/meetings/" + meeting + "/agenda/" + item[0] + "/decision").then().statusCode(201)
                .body("document.documentId", equalTo("d-1")).extract().path("id");
        Visitation.awaitStatus(caseId, "DECIDED_CBA");

        // the decision hands the case to CBA: the handing adviser's summary cites two more, one of them undated
        Map<String, Object> summary = new HashMap<>(Map.of("lastInvestigationOn", "2026-10-01", "lastMeetingOn", "2026-11-15",
                "agreements", "Aflastning hver anden weekend."));
        summary.put("documents", List.of(reference("WORKZONE", "27.24.00-G01-9-26", "h-1", "2026-11-28"),
                reference("KMD_EDH", "27.24.00-G01-9-26", "h-2", null)));
        Tasks.complete(Tasks.awaitOpen(caseId, "write-handover-summary"), summary);
        String handoverId = given().get("/cases/" + caseId + "/handover").then().statusCode(200)
                .body("summaryDocuments.documentId", contains("h-1", "h-2")).extract().path("id");

        given().queryParam("size", 4).get("/cases/" + caseId + "/documents").then().statusCode(200)
                .body("total", equalTo(6)).body("page", equalTo(0)).body("size", equalTo(4))
                .body("items.document.documentId", contains("d-1", "h-1", "m-2", "n-1"))
                .body("items.feature", contains("committee", "handover", "committee", "casework"))
                .body("items.kind", contains("DECISION", "SUMMARY", "MATERIAL", "NOTIFICATION"))
                .body("items.citedBy", contains(decisionId, handoverId, materialId, entry));
        given().queryParam("size", 4).queryParam("page", 1).get("/cases/" + caseId + "/documents").then().statusCode(200)
                .body("total", equalTo(6))
                .body("items.document.documentId", contains("m-1", "h-2"))
                .body("items[1].document.date", nullValue());
        as(Tokens.of("anne.auditor", Set.of("AUDITOR"), Set.of())).queryParam("caseId", caseId.toString()).get("/access-log").then()
                .statusCode(200).body("items.what", hasItem("case documents"));
        // the family's aktindsigt names where each document is kept, so it can be asked for
        String insight = given().get("/cases/" + caseId + "/insight").then().statusCode(200).extract().asString();
        assertTrue(insight.contains("Dokumenter i sagen") && insight.contains("ACADRE, sag 27.24.00-G01-7-26, dokument d-1"), insight);
    }

    @Test
    void another_departments_adviser_does_not_learn_of_the_documents_and_other_roles_are_refused() {
        UUID caseId = registerCase(freshCpr());
        given().contentType(ContentType.JSON).body(notification(reference("SBSYS", "27.24.00-G01-1-26", "x-1", "2026-11-20")))
                .post("/cases/" + caseId + "/casework").then().statusCode(201);
        as(Tokens.of("carl.cba", Set.of("CBA_ADVISER"), Set.of("CBA"))).get("/cases/" + caseId + "/documents").then().statusCode(404);
        as(Tokens.of("carl.cba", Set.of("CBA_ADVISER"), Set.of("CBA"))).get("/cases/" + caseId).then().statusCode(404);
        as(Tokens.of("eva.economy", Set.of("ECONOMY"), Set.of())).get("/cases/" + caseId + "/documents").then().statusCode(403);
        as(Tokens.of("mette.myn", Set.of("MYN_ADVISER"), Set.of("MYN"))).get("/cases/" + caseId + "/documents").then().statusCode(200)
                .body("items.document.documentId", equalTo(Arrays.asList("x-1")));
        given().queryParam("size", 0).get("/cases/" + caseId + "/documents").then().statusCode(400)
                .body("errors.field", hasItem("size"));
    }
}
