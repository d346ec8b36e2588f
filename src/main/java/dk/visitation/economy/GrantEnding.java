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

    /**
     * Cuts the grant's period at {@code to} (exclusive): the path names its last part, If-Match that part's version; the same
     * end sent again is a replay. A grant changed from a date ends across its parts: a part that begins on or after {@code to} is left
     * without days, the part {@code to} falls in is cut. The answer is the part the grant now ends with.
     */
    @Transactional
    public GrantChanged end(UUID caseId, UUID grantId, LocalDate to, String reason, String ifMatch) {
        cases.access(caseId, AccessLog.Action.CHANGE, "grant end");
        List<Grant> parts = GrantChanges.parts(caseId, grantId);
        Grant first = parts.getFirst();
        Grant last = GrantChanges.last(parts);
        List<Grant> running = parts.stream().filter(p -> p.approval != Grant.Approval.REJECTED).toList();
        Grant endsWith = endingPart(running, first);
        if (running.stream().anyMatch(p -> p.grantedTo != null) && to.equals(endsWith.validTo)) {
            return new GrantChanged(endsWith, true);
        }
        GrantChanges.requireNoPendingChange(parts);
        GrantChanges.requireLast(parts, grantId);
        ETags.requireCurrent(ifMatch, last.version);
        if (first.approval == Grant.Approval.REJECTED) {
            throw new ProblemException(ProblemType.BUSINESS_RULE, "The grant was rejected: it never ran, so it cannot end",
                    List.of(new Problem.FieldError("grantId", "was rejected")));
        }
        LocalDate end = endsWith.validTo;
        if (!to.isBefore(end)) {
            throw ProblemException.invalid("to", "must be before the grant's end (" + end + "); a longer grant is a new decision");
        }
        if (to.isBefore(first.validFrom)) {
            throw ProblemException.invalid("to", "must not be before the grant's first day (" + first.validFrom
                    + "); ending on the first day means it never ran");
        }
        if (first.startedOn != null && !to.isAfter(first.startedOn)) {
            throw ProblemException.invalid("to", "must be after the day the service started (" + first.startedOn + ")");
        }
        String before = Grants.describe(last);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (Grant part : running) {
            if (part.validTo.isAfter(to)) {
                if (part.grantedTo == null) {
                    part.grantedTo = part.validTo;
                }
                part.validTo = part.validFrom.isAfter(to) ? part.validFrom : to;
                part.endReason = reason.strip();
                part.endedBy = caller.user();
                part.endedAt = now;
            }
        }
        Grant.flush();
        Grant ending = endingPart(running, first);
        trail.record(caseId, null, "CHANGE", "grant end", before, Grants.describe(ending), ending.endReason);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("grantId", first.id.toString());
        payload.put("serviceType", first.serviceType.name());
        payload.put("from", first.validFrom.toString());
        payload.put("to", ending.validTo.toString());
        payload.put("grantedTo", last.grantedTo.toString());
        payload.put("endedEarly", true);
        events.publish(IntegrationEvents.GRANT_CHANGED, caseId, payload);
        return new GrantChanged(ending, false);
    }

    /** The part the grant ends with: the last one that has days, or its first part when none has (it never ran). */
    private static Grant endingPart(List<Grant> running, Grant first) {
        return running.stream().filter(p -> p.validTo.isAfter(p.validFrom)).reduce((a, b) -> b).orElse(first);
    }
}
