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
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Changes a grant's price, tariff or scope from a date (V67). The grant is kept as its parts: the earlier part keeps its
 * terms up to the day of the change, the new part carries the new ones to the grant's end, so each part costs what the one
 * rounding rule says and the parts add up to the grant's whole. A change whose year passes the approval amount waits for
 * ECONOMY like a new grant; the earlier part is cut only when ECONOMY approves it.
 */
@ApplicationScoped
public class GrantChanges {

    private final CaseAccess cases;
    private final CaseAuditTrail trail;
    private final Caller caller;
    private final IntegrationEvents events;
    private final EconomyReviews reviews;
    private final EconomySettings settings;

    GrantChanges(CaseAccess cases, CaseAuditTrail trail, Caller caller, IntegrationEvents events, EconomyReviews reviews,
            EconomySettings settings) {
        this.cases = cases;
        this.trail = trail;
        this.caller = caller;
        this.events = events;
        this.reviews = reviews;
        this.settings = settings;
    }

    /** The parts of the grant that {@code partId} is a part of (any of them), first day first, locked; 404 when the case has no such grant. */
    static List<Grant> parts(UUID caseId, UUID partId) {
        Grant named = Grant.findById(partId);
        if (named == null || !named.caseId.equals(caseId)) {
            throw ProblemException.notFound("Grant", partId);
        }
        return Grant.<Grant>find("(id = ?1 or partOf = ?1) order by validFrom, createdAt", named.grantId())
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The part the grant ends with: the last one not rejected (a change awaiting ECONOMY included). */
    static Grant last(List<Grant> parts) {
        return parts.stream().filter(p -> p.approval != Grant.Approval.REJECTED).reduce((a, b) -> b).orElse(parts.getFirst());
    }

    /**
     * The grant's last part, which a change or an end must name (with its ETag): each part has its own version, so an ETag
     * read from an earlier part can never pass for the last one's.
     */
    static Grant requireLast(List<Grant> parts, UUID named) {
        Grant last = last(parts);
        if (!last.id.equals(named)) {
            throw new ProblemException(ProblemType.CONFLICT, "The grant was changed from " + last.validFrom
                    + ": change or end it through its last part " + last.id + ", with that part's ETag");
        }
        return last;
    }

    /** Refuses a write to a grant while a change of it awaits ECONOMY's decision. */
    static void requireNoPendingChange(List<Grant> parts) {
        parts.stream().filter(p -> p.partOf != null && p.approval == Grant.Approval.PENDING).findFirst().ifPresent(p -> {
            throw new ProblemException(ProblemType.CONFLICT, "A change of the grant from " + p.validFrom
                    + " awaits ECONOMY's decision; it can be changed or ended once that is made");
        });
    }

    /**
     * Changes the grant from {@code change.from()}: the path names its last part, If-Match that part's version. The same
     * change sent again (day, terms and reason) answers the part it made, through whichever part it names.
     */
    @Transactional
    public GrantChanged change(UUID caseId, UUID partId, EconomyApi.GrantChange change, String ifMatch) {
        cases.access(caseId, AccessLog.Action.CHANGE, "grant change");
        List<Grant> parts = parts(caseId, partId);
        Grant last = last(parts);
        long priceOre = change.priceOre() != null ? change.priceOre() : last.priceOre;
        Cost.TariffPeriod tariff = change.tariffPeriod() != null ? change.tariffPeriod() : last.tariffPeriod;
        var scope = change.scope() != null ? change.scope() : last.scope;
        String reason = change.reason().strip();
        for (Grant part : parts) {
            if (part.partOf != null && part.validFrom.equals(change.from()) && part.priceOre == priceOre && part.tariffPeriod == tariff
                    && part.scope.compareTo(scope) == 0 && reason.equals(part.changeReason)) {
                return new GrantChanged(part, true);
            }
        }
        requireNoPendingChange(parts);
        requireLast(parts, partId);
        ETags.requireCurrent(ifMatch, last.version);
        if (!last.approval.inForce()) {
            throw new ProblemException(ProblemType.BUSINESS_RULE, last.approval == Grant.Approval.PENDING
                    ? "The grant awaits ECONOMY's approval: it changes once it is in force"
                    : "The grant was rejected: it never ran, so it cannot change",
                    List.of(new Problem.FieldError("grantId", "is not in force")));
        }
        if (!change.from().isAfter(last.validFrom)) {
            throw ProblemException.invalid("from", "must be after " + last.validFrom + ", the first day of the grant"
                    + (last.partOf == null ? "" : "'s last change") + " (a change from its first day is a new grant)");
        }
        if (!change.from().isBefore(last.validTo)) {
            throw ProblemException.invalid("from", "must be before the grant's end (" + last.validTo + ")");
        }
        if (priceOre == last.priceOre && tariff == last.tariffPeriod && scope.compareTo(last.scope) == 0) {
            throw ProblemException.invalid("priceOre", "the price, tariff and scope are those the grant has: the change changes nothing");
        }
        Commitments.Terms terms = last.terms().changedFrom(change.from(), priceOre, scope, tariff).getLast();
        Grant part = new Grant();
        part.id = UUID.randomUUID();
        part.partOf = last.grantId();
        part.caseId = caseId;
        part.serviceType = last.serviceType;
        part.legalBasis = last.legalBasis;
        part.provider = last.provider;
        part.providerName = last.providerName;
        part.providerId = last.providerId;
        part.priceOre = terms.priceOre();
        part.tariffPeriod = terms.tariff();
        part.scope = terms.scope();
        part.validFrom = terms.start();
        part.validTo = terms.end();
        part.changeReason = reason;
        part.createdBy = caller.user();
        part.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long annual = Cost.upTo(priceOre, scope, tariff, part.validFrom, part.validFrom.plusDays(365));
        part.approval = annual > settings.grantApprovalThresholdOre() ? Grant.Approval.PENDING : Grant.Approval.NOT_REQUIRED;
        String before = Grants.describe(last);
        if (part.approval == Grant.Approval.NOT_REQUIRED) {
            cut(last, part);
        }
        part.persist();
        Grant.flush();
        trail.record(caseId, null, "CHANGE", "grant change", before, Grants.describe(part), reason);
        if (part.approval == Grant.Approval.PENDING) {
            reviews.request(caseId, EconomyReviews.Trigger.GRANT_APPROVAL, part.id);
        }
        publish(part);
        return new GrantChanged(part, false);
    }

    /** ECONOMY approved the change {@code part}: the part before it now ends on the day it starts. */
    @Transactional(Transactional.TxType.MANDATORY)
    static void approved(Grant part) {
        List<Grant> parts = parts(part.caseId, part.grantId());
        Grant before = parts.stream().filter(p -> p != part && p.approval.inForce() && p.validFrom.isBefore(part.validFrom)
                && p.validTo.isAfter(part.validFrom)).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("No part before the change " + part.id));
        cut(before, part);
        Grant.flush();
    }

    /** {@code earlier} ends where {@code part} begins; an early end it had is now the new part's, which the grant ends with. */
    private static void cut(Grant earlier, Grant part) {
        if (earlier.grantedTo != null) {
            part.grantedTo = earlier.grantedTo;
            part.endReason = earlier.endReason;
            part.endedBy = earlier.endedBy;
            part.endedAt = earlier.endedAt;
            earlier.grantedTo = null;
            earlier.endReason = null;
            earlier.endedBy = null;
            earlier.endedAt = null;
        }
        earlier.validTo = part.validFrom;
    }

    private void publish(Grant part) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("grantId", part.grantId().toString());
        payload.put("partId", part.id.toString());
        payload.put("serviceType", part.serviceType.name());
        payload.put("changedFrom", part.validFrom.toString());
        payload.put("to", part.validTo.toString());
        payload.put("priceOre", part.priceOre);
        payload.put("tariffPeriod", part.tariffPeriod.name());
        payload.put("scope", part.scope.toPlainString());
        payload.put("approval", part.approval.name());
        events.publish(IntegrationEvents.GRANT_CHANGED, part.caseId, payload);
    }
}
