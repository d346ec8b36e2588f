package dk.visitation.economy;

import dk.visitation.common.Rows;
import com.fasterxml.jackson.databind.JsonNode;
import dk.visitation.cases.CaseAccess;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.security.AccessLog;
import dk.visitation.events.IntegrationEvents;
import dk.visitation.tasks.TaskForm;
import dk.visitation.workflow.EngineStarted;
import dk.visitation.workflow.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.event.Observes;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The economy track (økonomispor): each committee decision and each handover gets a review of its cost
 * consequence by ECONOMY, on its task list, beside the professional track.
 */
@ApplicationScoped
public class EconomyReviews implements TaskForm {

    /** What asks for the review; a grant above the approval amount also needs ECONOMY's yes or no. */
    public enum Trigger { COMMITTEE_DECISION, HANDOVER, GRANT_APPROVAL }

    private static final Set<String> FIELDS = Set.of("costConsequence", "annualCostOre", "approved");

    private final Outbox outbox;
    private final CaseAccess cases;
    private final IntegrationEvents events;
    private final dk.visitation.cases.CaseAuditTrail trail;

    EconomyReviews(Outbox outbox, CaseAccess cases, IntegrationEvents events, dk.visitation.cases.CaseAuditTrail trail) {
        this.trail = trail;
        this.outbox = outbox;
        this.cases = cases;
        this.events = events;
    }

    /** Asks ECONOMY to review what {@code reference} (a decision or a handover) costs; once per reference. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void request(UUID caseId, Trigger trigger, UUID reference) {
        UUID id = UUID.randomUUID();
        int inserted = Panache.getEntityManager().createNativeQuery("""
                        insert into economy_review (id, case_id, trigger, reference_id, status, created_at)
                        values (:id, :case, :trigger, :reference, 'OPEN', :at) on conflict (reference_id) do nothing""")
                .setParameter("id", id).setParameter("case", caseId).setParameter("trigger", trigger.name())
                .setParameter("reference", reference).setParameter("at", Instant.now()).executeUpdate();
        if (inserted == 1) {
            startTrack(caseId, id);
        }
    }

    /** Starts (or, after an engine restart, starts again) the review's economy track; once per review in an engine. */
    private void startTrack(UUID caseId, UUID reviewId) {
        outbox.publishMessage("economy.review-requested", reviewId.toString(), "economy-review:" + reviewId,
                Map.of("caseId", caseId.toString(), "reviewId", reviewId.toString(), "subjectId", reviewId.toString()));
    }

    /** The in-process engine forgot its instances: every open review gets its task again (the task row is re-linked). */
    void rebuild(@Observes EngineStarted engine) {
        if (engine.empty()) {
            QuarkusTransaction.requiringNew().run(() -> Rows.list(Panache.getEntityManager(),
                            "select id, case_id from economy_review where status = 'OPEN'", OpenReview.class, q -> q)
                    .forEach(review -> startTrack(review.caseId(), review.id())));
        }
    }

    /** A review still to do, and its case. */
    record OpenReview(UUID id, UUID caseId) {
    }

    /** The review a task is about: what asked for it, and the decision, handover or grant it is of. */
    record Subject(UUID id, String trigger, UUID referenceId) {
    }

    @Override
    public String formKey() {
        return "economy:review";
    }

    /**
     * The review form: the cost consequence in words (required), when known the annual cost in øre, and for a
     * grant above the approval amount whether ECONOMY approves it (required there, refused elsewhere).
     */
    @Override
    public Map<String, Object> complete(CompletedTask task, JsonNode input) {
        Subject review = review(task);
        boolean grantApproval = Trigger.GRANT_APPROVAL.name().equals(review.trigger());
        List<Problem.FieldError> errors = TaskForm.unknownFields(input, FIELDS);
        JsonNode approved = input.path("approved");
        if (grantApproval && !approved.isBoolean()) {
            errors.add(new Problem.FieldError("approved", "is required for a grant above the approval amount: true or false"));
        } else if (!grantApproval && !approved.isMissingNode()) {
            errors.add(new Problem.FieldError("approved", "only a grant above the approval amount is approved here"));
        }
        JsonNode text = input.path("costConsequence");
        if (!text.isTextual() || text.asText().isBlank() || text.asText().length() > 4000) {
            errors.add(new Problem.FieldError("costConsequence", "is required, at most 4000 characters"));
        }
        JsonNode annual = input.path("annualCostOre");
        if (!annual.isMissingNode() && !annual.isNull() && (!annual.canConvertToLong() || annual.asLong() < 0)) {
            errors.add(new Problem.FieldError("annualCostOre", "must be a whole, non-negative number of øre"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The review is not valid", errors);
        }
        Instant now = Instant.now();
        Panache.getEntityManager().createNativeQuery("""
                        update economy_review set status = 'DONE', cost_consequence = :text, annual_cost_ore = :annual,
                               approved = :approved, reviewed_by = :by, reviewed_at = :at
                        where id = :id""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("text", text.asText().strip())
                .setParameter("annual", annual.isMissingNode() || annual.isNull() ? null : annual.asLong(), Long.class)
                .setParameter("approved", grantApproval ? approved.asBoolean() : null, Boolean.class)
                .setParameter("by", task.completedBy()).setParameter("at", now).setParameter("id", review.id())
                .executeUpdate();
        if (!grantApproval) {
            return Map.of();
        }
        Grant grant = Grant.findById(review.referenceId());
        Grant.Approval before = grant.approval;
        grant.approval = approved.asBoolean() ? Grant.Approval.APPROVED : Grant.Approval.REJECTED;
        grant.approvalDecidedAt = now;
        if (grant.partOf != null && grant.approval == Grant.Approval.APPROVED) {
            GrantChanges.approved(grant);
        }
        trail.record(grant.caseId, task.completedBy(), "CHANGE", "grant.approval", grant.id + ": " + before,
                grant.id + ": " + grant.approval, text.asText().strip());
        events.publish(IntegrationEvents.GRANT_CHANGED, grant.caseId, Map.of("grantId", grant.id.toString(),
                "approval", grant.approval.name()));
        return Map.of("approved", approved.asBoolean());
    }

    /** The open review the task is about: id, trigger, reference. Tasks from before subjects were kept take the case's oldest. */
    private static Subject review(CompletedTask task) {
        List<Subject> rows = Rows.list(Panache.getEntityManager(), task.subjectId() != null
                        ? "select id, trigger, reference_id from economy_review where id = :key and status = 'OPEN'"
                        : "select id, trigger, reference_id from economy_review where case_id = :key and status = 'OPEN' order by created_at limit 1",
                Subject.class, q -> q.setParameter("key", task.subjectId() != null ? task.subjectId() : task.caseId()));
        if (rows.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "The review of this task is already done");
        }
        return rows.getFirst();
    }

    /** A review as the API shows it. */
    public record Review(UUID id, String trigger, UUID referenceId, String status, @Schema(nullable = true) String costConsequence, @Schema(nullable = true) Long annualCostOre,
            @Schema(nullable = true) Boolean approved, @Schema(nullable = true) String reviewedBy) {
    }

    @Transactional
    public List<Review> reviews(UUID caseId) {
        cases.access(caseId, AccessLog.Action.READ, "economy reviews");
        return Rows.list(Panache.getEntityManager(), """
                        select id, trigger, reference_id, status, cost_consequence, annual_cost_ore, approved, reviewed_by
                        from economy_review where case_id = :case order by created_at""",
                Review.class, q -> q.setParameter("case", caseId));
    }
}
