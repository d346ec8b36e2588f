package dk.visitation.economy;

import dk.visitation.cases.CaseAccess;
import dk.visitation.cases.CaseAuditTrail;
import dk.visitation.common.ETags;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.events.IntegrationEvents;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ends a grant before the end it was granted with: its period is cut, so every figure derived from it (commitment
 * account, expensive cases, a settlement's correction of an approved quarter) follows without a second write. Ended on
 * its first day, the grant never ran and costs nothing. A longer period is a new decision, not an end.
 */
@ApplicationScoped
public class GrantEnding {

    private final CaseAccess cases;
    private final CaseAuditTrail trail;
    private final Caller caller;
    private final IntegrationEvents events;

    GrantEnding(CaseAccess cases, CaseAuditTrail trail, Caller caller, IntegrationEvents events) {
        this.cases = cases;
        this.trail = trail;
        this.caller = caller;
        this.events = events;
    }

    /** Cuts the grant's period at {@code to} (exclusive) at the version If-Match names; the same end sent again is a replay. */
    @Transactional
    public GrantChanged end(UUID caseId, UUID grantId, LocalDate to, String reason, String ifMatch) {
        cases.access(caseId, AccessLog.Action.CHANGE, "grant end");
        Grant grant = Grant.findById(grantId, LockModeType.PESSIMISTIC_WRITE);
        if (grant == null || !grant.caseId.equals(caseId)) {
            throw ProblemException.notFound("Grant", grantId);
        }
        if (grant.grantedTo != null && to.equals(grant.validTo)) {
            return new GrantChanged(grant, true);
        }
        ETags.requireCurrent(ifMatch, grant.version);
        if (grant.approval == Grant.Approval.REJECTED) {
            throw new ProblemException(ProblemType.BUSINESS_RULE, "The grant was rejected: it never ran, so it cannot end",
                    List.of(new Problem.FieldError("grantId", "was rejected")));
        }
        if (!to.isBefore(grant.validTo)) {
            throw ProblemException.invalid("to", "must be before the grant's end (" + grant.validTo + "); a longer grant is a new decision");
        }
        if (to.isBefore(grant.validFrom)) {
            throw ProblemException.invalid("to", "must not be before the grant's first day (" + grant.validFrom
                    + "); ending on the first day means it never ran");
        }
        if (grant.startedOn != null && !to.isAfter(grant.startedOn)) {
            throw ProblemException.invalid("to", "must be after the day the service started (" + grant.startedOn + ")");
        }
        String before = Grants.describe(grant);
        if (grant.grantedTo == null) {
            grant.grantedTo = grant.validTo;
        }
        grant.validTo = to;
        grant.endReason = reason.strip();
        grant.endedBy = caller.user();
        grant.endedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        grant.persistAndFlush();
        trail.record(caseId, null, "CHANGE", "grant end", before, Grants.describe(grant), grant.endReason);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("grantId", grant.id.toString());
        payload.put("serviceType", grant.serviceType.name());
        payload.put("from", grant.validFrom.toString());
        payload.put("to", grant.validTo.toString());
        payload.put("grantedTo", grant.grantedTo.toString());
        payload.put("endedEarly", true);
        events.publish(IntegrationEvents.GRANT_CHANGED, caseId, payload);
        return new GrantChanged(grant, false);
    }
}
