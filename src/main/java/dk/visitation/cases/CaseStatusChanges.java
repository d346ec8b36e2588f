package dk.visitation.cases;

import dk.visitation.common.Actor;
import dk.visitation.common.Department;
import dk.visitation.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A case's moves through its statuses and departments, for the process steps and the features that decide them:
 * each a targeted update (no read-modify-write, so a person's edit at the same moment is not lost), a history
 * entry and the audit of what of the placement changed.
 */
@ApplicationScoped
public class CaseStatusChanges {

    private final CaseAuditTrail trail;
    private final CaseAdvisers advisers;

    CaseStatusChanges(CaseAuditTrail trail, CaseAdvisers advisers) {
        this.trail = trail;
        this.advisers = advisers;
    }

    /** Moves the case to {@code status} with a history entry; a targeted update, so no edit is lost. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changeStatus(UUID id, CaseStatus status, String by, String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CaseAuditTrail.Placement before = trail.placement(id);
        requireChanged(ChildCase.update("status = ?1, version = version + 1, updatedAt = ?2 where id = ?3", status, now, id), id);
        recordHistory(id, now, by, reason);
        trail.placed(id, before, by, reason);
    }

    /** Places the case: its status, lead department and contributing one (shared case, else null). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void place(UUID id, CaseStatus status, Department lead, Department contributing, String by, String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CaseAuditTrail.Placement before = trail.placement(id);
        requireChanged(ChildCase.update("""
                        status = ?1, department = ?2, contributingDepartment = ?3, version = version + 1, updatedAt = ?4
                        where id = ?5""", status, lead, contributing, now, id), id);
        recordHistory(id, now, by, reason);
        trail.placed(id, before, by, reason);
    }

    /** The receiving department works the case from now on, with its named adviser (recorded in the case's adviser history). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void handedOver(UUID id, Department to, String adviser, String by, String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CaseAuditTrail.Placement before = trail.placement(id);
        requireChanged(ChildCase.update("""
                        status = ?1, department = ?2, contributingDepartment = null, adviser = ?3, version = version + 1,
                        updatedAt = ?4 where id = ?5""", CaseStatus.HANDED_OVER, to, adviser, now, id), id);
        advisers.assigned(id, to, before.adviser(), adviser, now, by, reason);
        recordHistory(id, now, by, reason);
        trail.placed(id, before, by, reason);
    }

    /**
     * Called by the process once its instance runs: the case now waits for the assessment. Targeted
     * updates, not a read-modify-write: a person may be editing the case at the same moment.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void processStarted(UUID caseId, long processInstanceKey) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int advanced = ChildCase.update("""
                        processInstanceKey = ?1, status = ?2, version = version + 1, updatedAt = ?3
                        where id = ?4 and status = ?5""",
                processInstanceKey, CaseStatus.AWAITING_ASSESSMENT, now, caseId, CaseStatus.RECEIVED);
        if (advanced == 1) {
            recordHistory(caseId, now, Actor.SYSTEM, "Afventer målgruppevurdering");
            return;
        }
        // a process rebuilt after an engine restart: only the instance key is new
        int relinked = ChildCase.update("""
                        processInstanceKey = ?1, version = version + 1, updatedAt = ?2
                        where id = ?3 and (processInstanceKey is null or processInstanceKey <> ?1)""",
                processInstanceKey, now, caseId);
        if (relinked == 0 && ChildCase.count("id", caseId) == 0) {
            throw new IllegalStateException("The process names case " + caseId + ", which does not exist");
        }
    }

    private static void requireChanged(int rows, UUID id) {
        if (rows == 0) {
            throw ProblemException.notFound("Case", id);
        }
    }

    private static void recordHistory(UUID id, Instant now, String by, String reason) {
        ChildCase.getEntityManager().createNativeQuery("""
                        insert into case_status_change (case_id, status, department, changed_at, changed_by, reason)
                        select id, status, department, :now, :by, :reason from child_case where id = :id""")
                .setParameter("now", now).setParameter("by", by).setParameter("reason", reason).setParameter("id", id)
                .executeUpdate();
    }
}
