package dk.visitation.support;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dk.visitation.workflow.EmbeddedEngine;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The steps of a case through the visitation, as its users take them through the API. */
public final class Visitation {

    public static final List<String> FLAGS = List.of("disabilityIsMainProblem", "otherSocialProblemsWeighHeavier",
            "disabilitySpecificOffersRequested", "knownDiagnosisFromBupOrHospital", "placementOfChildOfMentallyIllParents",
            "childOfPregnantWomanWithConcern", "siblingNeedOnlyFromDisabledSibling", "childOfSeverelyIntellectuallyDisabledParents");

    private Visitation() {
    }

    public static Map<String, Object> facts(String impairment, String... trueFlags) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("impairment", impairment);
        FLAGS.forEach(flag -> facts.put(flag, false));
        for (String flag : trueFlags) {
            facts.put(flag, true);
        }
        return facts;
    }

    public static Map<String, Object> obviousCba() {
        return facts("CONSIDERABLE_AND_LASTING", "disabilityIsMainProblem", "disabilitySpecificOffersRequested",
                "knownDiagnosisFromBupOrHospital");
    }

    public static Map<String, Object> greyZone() {
        return facts("MODERATE", "disabilityIsMainProblem", "disabilitySpecificOffersRequested");
    }

    /** A new case assessed with {@code facts} and concluded as recommended; returns the case id. */
    public static UUID assessed(Map<String, Object> facts, String outcome) {
        UUID caseId = Api.registerCase(Api.freshCpr());
        String task = Tasks.awaitOpen(caseId, "assess-target-group");
        Api.given().contentType(ContentType.JSON).body(facts).put("/cases/" + caseId + "/assessment").then().statusCode(200);
        Tasks.complete(task, Map.of("outcome", outcome));
        return caseId;
    }

    public static Map<String, Object> material() {
        return Map.of("functionalImpairment", true, "familySituation", true, "currentSupport", true,
                "documents", List.of("Børnefaglig undersøgelse 2026-10-01", "Udtalelse fra BUP"), "summary", "Gråzonesag.");
    }

    /** A case that the committee has on its agenda. */
    public static UUID onAgenda() {
        UUID caseId = assessed(greyZone(), "COMMITTEE");
        Tasks.complete(Tasks.awaitOpen(caseId, "prepare-committee-material"), material());
        awaitStatus(caseId, "ON_COMMITTEE_AGENDA");
        return caseId;
    }

    public static void awaitStatus(UUID caseId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.given().get("/cases/" + caseId).then()
                .body("status", equalTo(status)));
    }

    public static String member(String user) {
        return Tokens.of(user, Set.of("COMMITTEE_MEMBER"), Set.of(user.endsWith("cba") ? "CBA" : "MYN"));
    }

    /** Moves the engine's clock just past the meeting's material deadline; the model locks the agenda. */
    public static void passDeadline(EmbeddedEngine engine, String meetingId) {
        Instant deadline = java.time.OffsetDateTime.parse(Api.as(member("mette.myn")).get("/committee/meetings/" + meetingId)
                .then().extract().<String>path("materialDeadline")).toInstant();
        Duration gap = Duration.between(engine.now(), deadline).plusMinutes(1);
        if (!gap.isNegative()) {
            engine.increaseTime(gap);
            // the days pass for the planner too: it keeps meetings planned ahead of the engine's time
            io.quarkus.arc.Arc.container().instance(dk.visitation.committee.MeetingSchedule.class).get()
                    .planMeetings(java.time.LocalDate.ofInstant(engine.now(), java.time.ZoneId.of("Europe/Copenhagen")));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.as(member("mette.myn"))
                .get("/committee/meetings/" + meetingId).then().body("status", org.hamcrest.Matchers.not(equalTo("PLANNED"))));
    }

    /** Records a quorate attendance: one member from MYN and one from CBA. */
    public static void attend(String meetingId) {
        Api.as(member("mette.myn")).contentType(ContentType.JSON)
                .body(Map.of("members", List.of(Map.of("member", "mette.myn", "department", "MYN"),
                        Map.of("member", "carl.cba", "department", "CBA"))))
                .put("/committee/meetings/" + meetingId + "/attendance").then().statusCode(200);
    }

    /** The agenda item of a case on a meeting: [itemId, version]. */
    public static String[] item(String meetingId, UUID caseId) {
        Map<String, Object> item = Api.as(member("mette.myn")).get("/committee/meetings/" + meetingId).then().extract()
                .<List<Map<String, Object>>>path("agenda").stream()
                .filter(i -> caseId.toString().equals(i.get("caseId")) && "ON_AGENDA".equals(i.get("status")))
                .findFirst().orElseThrow();
        return new String[] {(String) item.get("id"), String.valueOf(item.get("version"))};
    }

    /** The meeting a case is on the agenda of. */
    public static String meetingOf(UUID caseId) {
        List<Map<String, Object>> meetings = Api.as(member("mette.myn")).queryParam("size", 200).get("/committee/meetings")
                .then().extract().path("items");
        for (Map<String, Object> meeting : meetings) {
            String id = (String) meeting.get("id");
            List<Map<String, Object>> agenda = Api.as(member("mette.myn")).get("/committee/meetings/" + id).then().extract().path("agenda");
            if (agenda.stream().anyMatch(i -> caseId.toString().equals(i.get("caseId")) && "ON_AGENDA".equals(i.get("status")))) {
                return id;
            }
        }
        throw new AssertionError("case " + caseId + " is on no agenda");
    }
}
