package dk.visitation.cases;

import dk.visitation.common.Actor;
import dk.visitation.common.Department;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.common.Rows;
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

    /** A case's placement, to compare before and after a change; all null for a case that does not exist. */
    record Placement(CaseStatus status, Department department, Department contributingDepartment, String adviser) {
    }

    /** The case's placement (status, department, contributing department, adviser), to compare after a change. */
    @Transactional(Transactional.TxType.MANDATORY)
    Placement placement(UUID caseId) {
        return Rows.first(CaseAudit.getEntityManager().createNativeQuery(
                        "select status, department, contributing_department, adviser from child_case where id = :id")
                .setParameter("id", caseId), Placement.class).orElse(new Placement(null, null, null, null));
    }

    /** Records what of the placement changed since {@code before}. */
    @Transactional(Transactional.TxType.MANDATORY)
    void placed(UUID caseId, Placement before, String by, String reason) {
        Placement after = placement(caseId);
        record(caseId, by, "CHANGE", "status", before.status(), after.status(), reason);
        record(caseId, by, "CHANGE", "department", before.department(), after.department(), reason);
        record(caseId, by, "CHANGE", "contributingDepartment", before.contributingDepartment(), after.contributingDepartment(), reason);
        record(caseId, by, "CHANGE", "adviser", before.adviser(), after.adviser(), reason);
    }

    /** The header that carries the reason for a change (required after the decision). */
    public static final String CHANGE_REASON = "Change-Reason";

    /**
     * The reason from a {@value #CHANGE_REASON} header: reasons may carry Danish letters and headers are
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
        return new ProblemException(ProblemType.VALIDATION, CHANGE_REASON + " " + message,
                java.util.List.of(new Problem.FieldError(CHANGE_REASON, message)));
    }

    private String actor() {
        if (Arc.container().requestContext().isActive() && caller.get() != null) {
            return caller.get().user();
        }
        return Actor.SYSTEM;
    }
}
