package dk.visitation.assessment;

import dk.visitation.cases.CaseRef;
import dk.visitation.cases.CaseAccess;
import dk.visitation.cases.CaseStatusChanges;
import dk.visitation.cases.CaseStatus;
import dk.visitation.common.Actor;
import dk.visitation.common.Department;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.handover.HandoverService;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import dk.visitation.workflow.Decisions;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Records MYN's target-group assessment against the agreed rules and concludes it. */
@ApplicationScoped
public class AssessmentService {

    static final String DECISION = "target-group";

    private final com.fasterxml.jackson.databind.ObjectMapper json;

    private final CaseAccess cases;
    private final CaseStatusChanges statusChanges;
    private final Decisions decisions;
    private final Caller caller;
    private final HandoverService handovers;
    private final dk.visitation.cases.CaseAuditTrail trail;
    private final dk.visitation.events.IntegrationEvents events;

    AssessmentService(CaseAccess cases, CaseStatusChanges statusChanges, Decisions decisions, Caller caller, HandoverService handovers,
            dk.visitation.cases.CaseAuditTrail trail, com.fasterxml.jackson.databind.ObjectMapper json,
            dk.visitation.events.IntegrationEvents events) {
        this.trail = trail;
        this.events = events;
        this.json = json;
        this.cases = cases;
        this.statusChanges = statusChanges;
        this.decisions = decisions;
        this.caller = caller;
        this.handovers = handovers;
    }

    /** Records (or corrects) the facts of a case waiting for its assessment and returns the recommendation. */
    @Transactional
    public Assessment record(UUID caseId, AssessmentApi.Facts facts) {
        CaseRef ref = cases.access(caseId, AccessLog.Action.CHANGE, "target-group assessment");
        if (ref.status() != CaseStatus.AWAITING_ASSESSMENT) {
            throw new ProblemException(ProblemType.CONFLICT, "The case is not waiting for its target-group assessment ("
                    + ref.status() + ")");
        }
        Assessment draft = Assessment.draft(caseId).orElse(null);
        String before = draft == null ? null : recorded(draft);
        Assessment assessment = java.util.Optional.ofNullable(draft).orElseGet(() -> {
            Assessment fresh = new Assessment();
            fresh.id = UUID.randomUUID();
            fresh.caseId = caseId;
            return fresh;
        });
        assessment.impairment = facts.impairment();
        assessment.disabilityIsMainProblem = facts.disabilityIsMainProblem();
        assessment.otherSocialProblemsWeighHeavier = facts.otherSocialProblemsWeighHeavier();
        assessment.disabilitySpecificOffersRequested = facts.disabilitySpecificOffersRequested();
        assessment.knownDiagnosisFromBupOrHospital = facts.knownDiagnosisFromBupOrHospital();
        assessment.placementOfChildOfMentallyIllParents = facts.placementOfChildOfMentallyIllParents();
        assessment.childOfPregnantWomanWithConcern = facts.childOfPregnantWomanWithConcern();
        assessment.siblingNeedOnlyFromDisabledSibling = facts.siblingNeedOnlyFromDisabledSibling();
        assessment.childOfSeverelyIntellectuallyDisabledParents = facts.childOfSeverelyIntellectuallyDisabledParents();
        assessment.notes = facts.notes();
        Decisions.Result result = decisions.evaluate(DECISION, assessment.facts()); // facts only, no case id
        assessment.recommendation = Assessment.Outcome.valueOf(String.valueOf(result.output().get("recommendation")));
        assessment.rule = String.valueOf(result.output().get("rule"));
        assessment.ruleReason = String.valueOf(result.output().get("reason"));
        assessment.decisionVersion = result.version();
        assessment.assessedBy = caller.user();
        assessment.assessedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        assessment.persistAndFlush();
        // the audit trail keeps every version of the facts: a new draft overwrites the row, not the record
        trail.changed(caseId, "assessment", before, recorded(assessment), assessment.ruleReason);
        return assessment;
    }

    /** One recorded version of the assessment as the audit trail keeps it: the facts, the notes and the recommendation. */
    private String recorded(Assessment assessment) {
        Map<String, Object> version = new java.util.TreeMap<>(assessment.facts());
        version.put("notes", assessment.notes);
        version.put("recommendation", assessment.recommendation.name());
        version.put("rule", assessment.rule);
        version.put("assessedBy", assessment.assessedBy);
        version.put("assessedAt", assessment.assessedAt.toString());
        try {
            return json.writeValueAsString(version);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Assessment current(UUID caseId) {
        cases.access(caseId, AccessLog.Action.READ, "target-group assessment");
        return Assessment.latest(caseId).orElseThrow(
                () -> new ProblemException(ProblemType.NOT_FOUND, "Case " + caseId + " has no target-group assessment yet"));
    }

    /**
     * Concludes the draft assessment with the adviser's outcome (the task "Målgruppevurdering"). An outcome
     * other than the recommendation needs a written reason; both are kept.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Assessment.Outcome conclude(UUID caseId, Assessment.Outcome outcome, String reason, String by) {
        Assessment assessment = Assessment.draft(caseId).orElseThrow(() -> new ProblemException(ProblemType.VALIDATION,
                "Record the assessment first (PUT /cases/" + caseId + "/assessment)",
                List.of(new Problem.FieldError("outcome", "no recorded assessment to conclude"))));
        boolean disagrees = outcome != assessment.recommendation;
        if (disagrees && (reason == null || reason.isBlank())) {
            throw new ProblemException(ProblemType.VALIDATION,
                    "The outcome differs from the recommendation (" + assessment.recommendation + "): give the reason",
                    List.of(new Problem.FieldError("reason", "is required when the outcome differs from the recommendation")));
        }
        assessment.outcome = outcome;
        assessment.disagreementReason = disagrees ? reason.strip() : null;
        assessment.concludedBy = by;
        assessment.concludedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        assessment.persist();
        trail.record(caseId, by, "CHANGE", "assessment.outcome", null, outcome.name(),
                disagrees ? assessment.disagreementReason : "Som anbefalet (" + assessment.rule + ")");
        events.publish(dk.visitation.events.IntegrationEvents.ASSESSMENT_CONCLUDED, caseId, java.util.Map.of(
                "assessmentId", assessment.id.toString(), "outcome", outcome.name(), "recommendation", assessment.recommendation.name(),
                "rule", String.valueOf(assessment.rule), "followsRecommendation", !disagrees)); // the reason is free text: not sent
        String why = "Målgruppevurdering: " + outcome + " (" + assessment.rule + (disagrees ? ", afviger fra anbefalingen" : "") + ")";
        switch (outcome) {
            case COMMITTEE -> statusChanges.changeStatus(caseId, CaseStatus.PREPARING_COMMITTEE, by, why);
            case STAYS_MYN -> statusChanges.changeStatus(caseId, CaseStatus.STAYS_MYN, by, why);
            // registered here, in the conclusion's transaction: the case is QUICK_SCREENED the moment the task is done, so
            // no second draft is accepted while the process has yet to run "Registrer quickscreening" (which then finds it done)
            case QUICK_SCREEN_CBA -> registerQuickScreening(caseId);
        }
        return outcome;
    }

    /**
     * "Registrer quickscreening": the obvious CBA case is registered with its justification; once per case. A case
     * already in CBA (registered there) stays where it is: there is nobody to hand it over to.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void registerQuickScreening(UUID caseId) {
        Assessment assessment = Assessment.latest(caseId)
                .filter(a -> a.outcome == Assessment.Outcome.QUICK_SCREEN_CBA)
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no assessment concluded as quick screening"));
        String justification = assessment.ruleReason
                + (assessment.disagreementReason == null ? "" : " Rådgiverens begrundelse: " + assessment.disagreementReason);
        int inserted = Panache.getEntityManager().createNativeQuery("""
                        insert into quick_screening (id, case_id, assessment_id, justification, registered_by, registered_at)
                        values (:id, :case, :assessment, :justification, :by, :at) on conflict (case_id) do nothing""")
                .setParameter("id", UUID.randomUUID()).setParameter("case", caseId).setParameter("assessment", assessment.id)
                .setParameter("justification", justification).setParameter("by", assessment.concludedBy)
                .setParameter("at", Instant.now()).executeUpdate();
        if (inserted == 1) {
            statusChanges.changeStatus(caseId, CaseStatus.QUICK_SCREENED, Actor.SYSTEM, "Quickscreening: " + assessment.rule);
            if (cases.ref(caseId).department() != Department.CBA) {
                handovers.request(caseId, Department.CBA, "Quickscreening: " + assessment.rule, Actor.SYSTEM);
            }
        }
    }

    /** Quick screenings registered in [from, to). */
    @Transactional
    public long quickScreenings(Instant from, Instant to) {
        return ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from quick_screening where registered_at >= :from and registered_at < :to")
                .setParameter("from", from).setParameter("to", to).getSingleResult()).longValue();
    }

    Map<String, Object> variables(Assessment.Outcome outcome) {
        return Map.of("outcome", outcome.name());
    }
}
