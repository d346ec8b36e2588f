package dk.visitation.economy;

import com.fasterxml.jackson.databind.JsonNode;
import dk.visitation.cases.CaseService;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.security.AccessLog;
import dk.visitation.tasks.TaskForm;
import dk.visitation.workflow.Outbox;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The economy track (økonomispor): each committee decision and each handover gets a review of its cost
 * consequence by ECONOMY, on its task list, beside the professional track.
 */
@ApplicationScoped
public class EconomyReviews implements TaskForm {

    public enum Trigger { COMMITTEE_DECISION, HANDOVER }

    private static final Set<String> FIELDS = Set.of("costConsequence", "annualCostOre");

    private final Outbox outbox;
    private final CaseService cases;

    EconomyReviews(Outbox outbox, CaseService cases) {
        this.outbox = outbox;
        this.cases = cases;
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
            outbox.publishMessage("economy.review-requested", id.toString(), "economy-review:" + id,
                    Map.of("caseId", caseId.toString(), "reviewId", id.toString()));
        }
    }

    @Override
    public String formKey() {
        return "economy:review";
    }

    /** The review form: the cost consequence in words (required) and, when known, the annual cost in øre. */
    @Override
    public Map<String, Object> complete(CompletedTask task, JsonNode input) {
        List<Problem.FieldError> errors = TaskForm.unknownFields(input, FIELDS);
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
        Panache.getEntityManager().createNativeQuery("""
                        update economy_review set status = 'DONE', cost_consequence = :text, annual_cost_ore = :annual,
                               reviewed_by = :by, reviewed_at = :at
                        where id = (select id from economy_review where case_id = :case and status = 'OPEN'
                                    order by created_at limit 1)""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("text", text.asText().strip())
                .setParameter("annual", annual.isMissingNode() || annual.isNull() ? null : annual.asLong(), Long.class)
                .setParameter("by", task.completedBy()).setParameter("at", Instant.now()).setParameter("case", task.caseId())
                .executeUpdate();
        return Map.of();
    }

    /** A review as the API shows it. */
    public record Review(UUID id, String trigger, UUID referenceId, String status, String costConsequence, Long annualCostOre,
            String reviewedBy) {
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Review> reviews(UUID caseId) {
        cases.access(caseId, AccessLog.Action.READ, "economy reviews");
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        select id, trigger, reference_id, status, cost_consequence, annual_cost_ore, reviewed_by
                        from economy_review where case_id = :case order by created_at""")
                .setParameter("case", caseId).getResultList();
        return rows.stream().map(r -> new Review((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3], (String) r[4],
                r[5] == null ? null : ((Number) r[5]).longValue(), (String) r[6])).toList();
    }
}
