package dk.visitation.handover;

import dk.visitation.cases.CaseRef;
import dk.visitation.cases.CaseAccess;
import dk.visitation.cases.CaseStatusChanges;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * A shared case (lead + contributing department) ends as a shared arrangement: the contributing department leaves, the lead
 * keeps the case and, as the lead always does, its payment responsibility — so nothing switches; case.lead-changed says the
 * case is no longer shared.
 * Handing the case to the contributing department instead is a handover (POST /cases/{id}/handover).
 */
@ApplicationScoped
class SharedArrangement {

    private final CaseAccess cases;
    private final CaseStatusChanges statusChanges;
    private final Caller caller;
    private final dk.visitation.events.IntegrationEvents events;

    SharedArrangement(CaseAccess cases, CaseStatusChanges statusChanges, Caller caller, dk.visitation.events.IntegrationEvents events) {
        this.events = events;
        this.cases = cases;
        this.statusChanges = statusChanges;
        this.caller = caller;
    }

    @Transactional
    void end(UUID caseId, String reason) {
        CaseRef ref = cases.access(caseId, AccessLog.Action.CHANGE, "shared arrangement");
        Optional<Handover> leadChange = HandoverService.underWay(caseId, true).filter(h -> h.contributingDepartment != null);
        if (ref.contributingDepartment() == null && leadChange.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "The case is not shared");
        }
        String why = "Delt sag afsluttet: " + reason.strip();
        leadChange.ifPresent(h -> h.contributingDepartment = null); // the lead change goes on; the case will be the lead's alone
        if (ref.contributingDepartment() != null) {
            statusChanges.place(caseId, ref.status(), ref.department(), null, caller.user(), why);
            events.publish(dk.visitation.events.IntegrationEvents.CASE_LEAD_CHANGED, caseId, dk.visitation.events.IntegrationEvents.leadChange(
                    dk.visitation.events.IntegrationEvents.LeadChange.SHARED_ENDED, ref.department(), null, ref.department(),
                    ref.contributingDepartment()));
        }
    }
}
