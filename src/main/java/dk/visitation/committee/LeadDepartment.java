package dk.visitation.committee;

import dk.visitation.cases.CaseAccess;
import dk.visitation.cases.CaseRef;
import dk.visitation.cases.CaseStatusChanges;
import dk.visitation.cases.CaseStatus;
import dk.visitation.common.Department;
import dk.visitation.events.IntegrationEvents;
import dk.visitation.handover.HandoverService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The rule for a shared case: its lead department works the case and pays for it. A shared decision that keeps the lead
 * where the case is changes nothing but the contributing department; one that names the other department as lead is a
 * handover to it — summary, receipt, payment switch on the effective date and the events, as for any move — after which the
 * case is shared with the contributing department.
 */
@ApplicationScoped
class LeadDepartment {

    private final CaseAccess cases;
    private final CaseStatusChanges statusChanges;
    private final HandoverService handovers;
    private final IntegrationEvents events;

    LeadDepartment(CaseAccess cases, CaseStatusChanges statusChanges, HandoverService handovers, IntegrationEvents events) {
        this.events = events;
        this.cases = cases;
        this.statusChanges = statusChanges;
        this.handovers = handovers;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void shared(UUID caseId, Department lead, Department contributing, String by, String why) {
        CaseRef before = cases.ref(caseId);
        if (before.department() == lead) {
            statusChanges.place(caseId, CaseStatus.SHARED, lead, contributing, by, why);
            events.publish(IntegrationEvents.CASE_LEAD_CHANGED, caseId, IntegrationEvents.leadChange(IntegrationEvents.LeadChange.SHARED,
                    lead, contributing, before.department(), before.contributingDepartment()));
            return;
        }
        // the lead moves with the handover: its event comes when the handover completes (HandoverSteps)
        statusChanges.changeStatus(caseId, CaseStatus.SHARED, by, why); // still worked and paid where it is until the handover completes
        handovers.requestLeadChange(caseId, lead, contributing, why, by);
    }
}
