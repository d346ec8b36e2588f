package dk.visitation.cases;

import dk.visitation.common.Actor;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.security.Caller;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * The one way a feature writes a change of a case's record into its audit trail (GET /cases/{id}/audit):
 * who (the caller, or {@code system} for process steps), when, what, old → new and why — in the
 * transaction of the change, so there is no change without its entry.
 */
@ApplicationScoped
public class CaseAuditTrail {

    private final Instance<Caller> caller;

    CaseAuditTrail(Instance<Caller> caller) {
        this.caller = caller;
    }

    /** Records {@code field} going from {@code before} to {@code after} by the caller; nothing when both are the same. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(UUID caseId, String field, Object before, Object after, String reason) {
        record(caseId, null, "CHANGE", field, before, after, reason);
    }

    /**
     * Records an action on the case's record (CHANGE, ADD, REMOVE) with the values it took away or added;
     * {@code by} is who did it, or null for the caller.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID caseId, String by, String action, String field, Object before, Object after, String reason) {
        if ("CHANGE".equals(action) && Objects.equals(before, after)) {
            return;
        }
        CaseAudit.record(caseId, Instant.now().truncatedTo(ChronoUnit.MICROS), by == null ? actor() : by, action, field,
                before, after, reason == null || reason.isBlank() ? null : reason.strip());
    }

    /** The case's placement (status, department, contributing department, adviser), to compare after a change. */
    @Transactional(Transactional.TxType.MANDATORY)
    Object[] placement(UUID caseId) {
        java.util.List<?> rows = CaseAudit.getEntityManager().createNativeQuery(
                        "select status, department, contributing_department, adviser from child_case where id = :id")
                .setParameter("id", caseId).getResultList();
        return rows.isEmpty() ? new Object[4] : (Object[]) rows.getFirst();
    }

    /** Records what of the placement changed since {@code before}. */
    @Transactional(Transactional.TxType.MANDATORY)
    void placed(UUID caseId, Object[] before, String by, String reason) {
        Object[] after = placement(caseId);
        String[] fields = {"status", "department", "contributingDepartment", "adviser"};
        for (int i = 0; i < fields.length; i++) {
            record(caseId, by, "CHANGE", fields[i], before[i], after[i], reason);
        }
    }

    /**
     * The reason from a {@value CaseService#CHANGE_REASON} header: reasons may carry Danish letters and headers are
     * Latin-1, so clients percent-encode UTF-8; at most {@value #MAX_REASON_LENGTH} characters (what the trail keeps).
     */
    public static String reason(String header) {
        if (header == null) {
            return null;
        }
        String reason;
        try {
            reason = java.net.URLDecoder.decode(header, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) { // "%ZZ", a lone "%": bad input, not a 500
            throw badReason("must be percent-encoded UTF-8");
        }
        if (reason.codePointCount(0, reason.length()) > MAX_REASON_LENGTH) {
            throw badReason("may be at most " + MAX_REASON_LENGTH + " characters");
        }
        return reason;
    }

    public static final int MAX_REASON_LENGTH = 1000;

    private static ProblemException badReason(String message) {
        return new ProblemException(ProblemType.VALIDATION, CaseService.CHANGE_REASON + " " + message,
                java.util.List.of(new Problem.FieldError(CaseService.CHANGE_REASON, message)));
    }

    private String actor() {
        if (Arc.container().requestContext().isActive() && caller.get() != null) {
            return caller.get().user();
        }
        return Actor.SYSTEM;
    }
}
