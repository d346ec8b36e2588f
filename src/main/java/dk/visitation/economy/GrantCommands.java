package dk.visitation.economy;

import dk.visitation.common.ETags;
import dk.visitation.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The grant commands other features give (placement planning): a grant made, or one grant replaced by another from a
 * day, through the same rules as POST /cases/{id}/grants and its end (ECONOMY's approval above the configured amount,
 * the audit trail, the grant.changed events). Answers are views, never the entity.
 */
@ApplicationScoped
public class GrantCommands {

    private final Grants grants;
    private final GrantEnding ending;

    GrantCommands(Grants grants, GrantEnding ending) {
        this.grants = grants;
        this.ending = ending;
    }

    /** Grants the service for the caller, as POST /cases/{id}/grants does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EconomyApi.GrantView grant(UUID caseId, EconomyApi.NewGrant request) {
        return EconomyApi.GrantView.of(grants.grant(caseId, request));
    }

    /**
     * The earlier grant's price stops at {@code request.from()} and the new grant's starts there: the earlier one is ended
     * on that day (when it runs past it), with {@code reason}, then the new one is granted. One transaction: both or none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EconomyApi.GrantView replaceFrom(UUID caseId, UUID earlierGrantId, String reason, EconomyApi.NewGrant request) {
        // a grant changed from a day since is ended through its last part, at that part's version
        List<Grant> parts = GrantChanges.parts(caseId, earlierGrantId);
        Grant first = parts.getFirst();
        Grant last = GrantChanges.last(parts);
        if (first.approval != Grant.Approval.REJECTED && last.validTo.isAfter(request.from())) {
            ending.end(caseId, last.id, max(request.from(), first.validFrom), reason, ETags.of(last.version).toString());
        }
        return grant(caseId, request);
    }

    /** Where ECONOMY's approval of each of these grants stands (those not found are left out). */
    @Transactional(Transactional.TxType.MANDATORY)
    public java.util.Map<UUID, Grant.Approval> approvals(java.util.Collection<UUID> grantIds) {
        java.util.Map<UUID, Grant.Approval> approvals = new java.util.HashMap<>();
        for (java.util.List<UUID> batch : dk.visitation.common.IdBatches.of(grantIds)) {
            Grant.<Grant>list("id in ?1", batch).forEach(g -> approvals.put(g.id, g.approval));
        }
        return approvals;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
