package dk.visitation.economy;

import dk.visitation.cases.CaseAccess;
import dk.visitation.common.ETags;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.common.Times;
import dk.visitation.events.IntegrationEvents;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Grants (bevillinger): a service with its legal basis, provider, tariff, scope and period; one whose annual cost
 * passes the approval amount waits for ECONOMY's yes or no on the economy track.
 */
@ApplicationScoped
public class Grants {

    private final CaseAccess cases;
    private final dk.visitation.cases.CaseAuditTrail trail;
    private final Caller caller;
    private final IntegrationEvents events;
    private final EconomyReviews reviews;
    private final EconomySettings settings;
    private final ProviderDirectory providers;

    Grants(CaseAccess cases, Caller caller, IntegrationEvents events, EconomyReviews reviews, EconomySettings settings,
            dk.visitation.cases.CaseAuditTrail trail, ProviderDirectory providers) {
        this.providers = providers;
        this.cases = cases;
        this.caller = caller;
        this.events = events;
        this.reviews = reviews;
        this.settings = settings;
        this.trail = trail;
    }

    @Transactional
    public Grant grant(UUID caseId, EconomyApi.NewGrant request) {
        cases.access(caseId, AccessLog.Action.CHANGE, "grant");
        Grant grant = newGrant(caseId, request, caller.user());
        grant.approval = annual(grant) > settings.grantApprovalThresholdOre() ? Grant.Approval.PENDING : Grant.Approval.NOT_REQUIRED;
        grant.persistAndFlush();
        trail.record(caseId, null, "ADD", "grant", null, describe(grant), null);
        if (grant.approval == Grant.Approval.PENDING) {
            reviews.request(caseId, EconomyReviews.Trigger.GRANT_APPROVAL, grant.id);
        }
        publishChanged(grant);
        return grant;
    }

    /**
     * A running grant taken over from another system (the bulk import): made as {@link #grant} makes one, but already in
     * force (APPROVED where its annual cost passes the approval amount, as the municipality approved it there), and started
     * on its first day when that has come; its id. Not scoped and not logged: the import logs its batch.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID imported(UUID caseId, EconomyApi.NewGrant request, String by, String reason) {
        Grant grant = newGrant(caseId, request, by);
        if (annual(grant) > settings.grantApprovalThresholdOre()) {
            grant.approval = Grant.Approval.APPROVED;
            grant.approvalDecidedAt = grant.createdAt;
        }
        if (!grant.validFrom.isAfter(LocalDate.now(Times.DENMARK))) {
            grant.startedOn = grant.validFrom;
            grant.startRecordedBy = by;
            grant.startRecordedAt = grant.createdAt;
        }
        grant.persistAndFlush();
        trail.record(caseId, by, "ADD", "grant", null, describe(grant), reason);
        publishChanged(grant);
        return grant.id;
    }

    /** Why the grant could not be made as asked (its period, its provider), as field errors; empty when it could. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Problem.FieldError> check(EconomyApi.NewGrant request) {
        try {
            newGrant(null, request, null);
            return List.of();
        } catch (ProblemException e) {
            return e.errors();
        }
    }

    private Grant newGrant(UUID caseId, EconomyApi.NewGrant request, String by) {
        if (!request.from().isBefore(request.to())) {
            throw ProblemException.invalid("to", "must be after from");
        }
        Grant grant = new Grant();
        grant.id = UUID.randomUUID();
        grant.caseId = caseId;
        grant.serviceType = request.serviceType();
        grant.legalBasis = request.serviceType().legalBasis;
        nameProvider(grant, request);
        grant.priceOre = request.priceOre();
        grant.tariffPeriod = request.tariffPeriod();
        grant.scope = request.scope();
        grant.validFrom = request.from();
        grant.validTo = request.to();
        grant.createdBy = by;
        grant.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return grant;
    }

    private static long annual(Grant grant) {
        return Cost.upTo(grant.priceOre, grant.scope, grant.tariffPeriod, grant.validFrom, grant.validFrom.plusDays(365));
    }

    private void publishChanged(Grant grant) {
        events.publish(IntegrationEvents.GRANT_CHANGED, grant.caseId, Map.of("grantId", grant.id.toString(),
                "serviceType", grant.serviceType.name(), "from", grant.validFrom.toString(), "to", grant.validTo.toString(),
                "priceOre", grant.priceOre, "tariffPeriod", grant.tariffPeriod.name(), "scope", grant.scope.toPlainString(),
                "approval", grant.approval.name()));
    }

    /**
     * The grant's provider: from the register when providerId is given (which must offer the service and be in use; a
     * free-text kind or name sent along must agree with it), else the free text, both parts required.
     */
    private void nameProvider(Grant grant, EconomyApi.NewGrant request) {
        if (request.providerId() == null) {
            if (request.provider() == null) {
                throw ProblemException.invalid("provider", "is required without providerId (or name the provider from the register)");
            }
            if (request.providerName() == null || request.providerName().isBlank()) {
                throw ProblemException.invalid("providerName", "is required without providerId (or name the provider from the register)");
            }
            grant.provider = request.provider();
            grant.providerName = request.providerName().strip();
            return;
        }
        ProviderDirectory.Listed listed = providers.offering(request.providerId(), request.serviceType());
        if (request.provider() != null && request.provider() != listed.kind()) {
            throw ProblemException.invalid("provider", "disagrees with the register: " + listed.name() + " is " + listed.kind());
        }
        if (request.providerName() != null && !request.providerName().strip().equals(listed.name())) {
            throw ProblemException.invalid("providerName", "disagrees with the register: the provider is named " + listed.name());
        }
        grant.providerId = listed.id();
        grant.provider = listed.kind();
        grant.providerName = listed.name();
    }

    @Transactional
    public List<Grant> grants(UUID caseId) {
        cases.access(caseId, AccessLog.Action.READ, "grants");
        return Grant.list("caseId = ?1 order by validFrom, id", caseId);
    }

    /**
     * Records the day the granted service actually started, which takes the grant off the list of grants not yet
     * started (GET /waiting/grants). If-Match names the grant's version; the same day sent again is answered as it stands
     * (a retry after a lost answer), another day with the current version corrects it. Audited on the case.
     */
    @Transactional
    public GrantChanged start(UUID caseId, UUID grantId, LocalDate startedOn, String ifMatch) {
        cases.access(caseId, AccessLog.Action.CHANGE, "grant start");
        Grant grant = GrantChanges.parts(caseId, grantId).getFirst(); // the start is the grant's, kept on its first part
        if (startedOn.equals(grant.startedOn)) {
            return new GrantChanged(grant, true);
        }
        ETags.requireCurrent(ifMatch, grant.version);
        if (startedOn.isAfter(LocalDate.now(Times.DENMARK))) {
            throw ProblemException.invalid("startedOn", "must not be in the future");
        }
        if (!grant.approval.inForce()) {
            throw new ProblemException(ProblemType.BUSINESS_RULE, "The grant is " + grant.approval
                    + (grant.approval == Grant.Approval.PENDING ? ": it starts once ECONOMY has approved it" : ": it is not in force"),
                    List.of(new Problem.FieldError("grantId", "is not in force")));
        }
        String before = grant.startedOn == null ? null : grant.id + ": started on " + grant.startedOn;
        grant.startedOn = startedOn;
        grant.startRecordedBy = caller.user();
        grant.startRecordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        grant.persistAndFlush();
        trail.record(caseId, null, "CHANGE", "grant start", before, grant.id + ": started on " + startedOn, null);
        return new GrantChanged(grant, false);
    }

    /** The ids of the case's grants that run on {@code day} (for the handover summary): a changed grant by its own id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> activeGrants(UUID caseId, LocalDate day) {
        return Grant.<Grant>list("caseId = ?1 and validFrom <= ?2 and validTo > ?2 order by validFrom", caseId, day)
                .stream().map(Grant::grantId).distinct().toList();
    }

    /** A grant as the audit trail shows it. */
    static String describe(Grant grant) {
        return grant.id + ": " + grant.serviceType + " (" + grant.legalBasis + ") " + grant.provider + " " + grant.providerName + ", "
                + grant.priceOre + " øre per " + grant.tariffPeriod + " × " + grant.scope.toPlainString() + ", " + grant.validFrom
                + " – " + grant.validTo + ", approval " + grant.approval;
    }
}
