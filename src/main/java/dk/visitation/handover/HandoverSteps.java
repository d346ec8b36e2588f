package dk.visitation.handover;

import dk.visitation.cases.CaseAdvisers;
import dk.visitation.cases.CaseStatusChanges;
import dk.visitation.common.Actor;
import dk.visitation.economy.EconomyReviews;
import dk.visitation.economy.Grants;
import dk.visitation.economy.PaymentResponsibility;
import dk.visitation.events.IntegrationEvents;
import dk.visitation.tasks.TaskService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * The steps of a handover's process after it is asked for: its conditions checked, the handing adviser's summary,
 * the receiving department's receipt with a named adviser and an effective date, and the payment switch on that
 * date, each by the handover's record (so a step the engine asks again is done once).
 */
@ApplicationScoped
public class HandoverSteps {

    private static final ZoneId DENMARK = dk.visitation.common.Times.DENMARK;

    private final CaseStatusChanges cases;
    private final Grants grants;
    private final PaymentResponsibility payments;
    private final IntegrationEvents events;
    private final EconomyReviews reviews;
    private final TaskService tasks;
    private final CaseAdvisers advisers;

    HandoverSteps(CaseStatusChanges cases, Grants grants, PaymentResponsibility payments, IntegrationEvents events,
            EconomyReviews reviews, TaskService tasks, CaseAdvisers advisers) {
        this.advisers = advisers;
        this.cases = cases;
        this.grants = grants;
        this.payments = payments;
        this.events = events;
        this.reviews = reviews;
        this.tasks = tasks;
    }

    /**
     * "Kontrollér betingelser": blocked while open work remains. The handover's row is locked first, so a blocker
     * closing at the same moment is seen by one of the two. Not blocked, the open-work task is done with.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean checkConditions(UUID handoverId) {
        Handover handover = Handover.findById(handoverId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (handover == null) {
            throw new IllegalStateException("No handover " + handoverId);
        }
        boolean blocked = !OpenWork.blockers(handover.caseId).isEmpty();
        if (handover.status == Handover.Status.REQUESTED || handover.status == Handover.Status.BLOCKED
                || handover.status == Handover.Status.SUMMARY) {
            handover.status = blocked ? Handover.Status.BLOCKED : Handover.Status.SUMMARY;
            tasks.cancel(handover.id, blocked ? "write-handover-summary" : HandoverService.FINISH_OPEN_WORK, Actor.SYSTEM);
        }
        return blocked;
    }

    /** Whether a task of the handover is still to do by its record: the engine may not have caught up yet. */
    static boolean stillToDo(UUID handoverId, Handover.Status... statuses) {
        Handover handover = handoverId == null ? null : Handover.findById(handoverId);
        return handover != null && java.util.Arrays.asList(statuses).contains(handover.status)
                && (handover.status != Handover.Status.BLOCKED || !OpenWork.blockers(handover.caseId).isEmpty());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void summarise(UUID caseId, LocalDate lastInvestigationOn, LocalDate lastMeetingOn, String agreements, String freeText,
            java.util.List<dk.visitation.common.DocumentReference> documents, String by) {
        Handover handover = current(caseId);
        handover.lastInvestigationOn = lastInvestigationOn;
        handover.lastMeetingOn = lastMeetingOn;
        handover.agreements = agreements;
        handover.freeText = freeText;
        handover.activeGrants = grants.activeGrants(caseId, LocalDate.now(DENMARK)).stream().map(UUID::toString).toList();
        handover.summaryBy = by;
        handover.summaryAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        handover.status = Handover.Status.RECEIVING;
        HandoverDocuments.save(handover.id, caseId, documents, handover.summaryAt);
    }

    /** "Modtag sag": the receiving adviser must be an active adviser of the receiving department; the case is theirs on completion. */
    @Transactional(Transactional.TxType.MANDATORY)
    void receive(UUID caseId, String receivingAdviser, LocalDate effectiveDate, String by) {
        Handover handover = current(caseId);
        advisers.requireAssignable(receivingAdviser, handover.toDepartment, "receivingAdviser");
        handover.receivingAdviser = receivingAdviser;
        handover.effectiveDate = effectiveDate;
        handover.receivedBy = by;
        handover.receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** "Skift betalingsansvar": the receiving department works the case now and pays from the effective date; once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(UUID handoverId) {
        Handover handover = handover(handoverId);
        if (handover.status == Handover.Status.COMPLETED || handover.status == Handover.Status.WITHDRAWN) {
            return;
        }
        String why = "Overdraget fra " + handover.fromDepartment + " til " + handover.toDepartment + " pr. " + handover.effectiveDate;
        payments.switchPayment(handover.caseId, handover.toDepartment, handover.effectiveDate, why, Actor.SYSTEM);
        cases.handedOver(handover.caseId, handover.toDepartment, handover.receivingAdviser, Actor.SYSTEM, why);
        if (handover.contributingDepartment != null) { // a shared case's new lead: the arrangement goes on under it
            cases.place(handover.caseId, dk.visitation.cases.CaseStatus.SHARED, handover.toDepartment, handover.contributingDepartment,
                    Actor.SYSTEM, "Delt sag: " + handover.toDepartment + " leder, " + handover.contributingDepartment + " bidrager");
        }
        handover.status = Handover.Status.COMPLETED;
        events.publish(IntegrationEvents.CASE_TRANSFERRED, handover.caseId, Map.of("from", handover.fromDepartment.name(),
                "to", handover.toDepartment.name(), "effectiveDate", handover.effectiveDate.toString(),
                "handoverId", handover.id.toString()));
        if (handover.contributingDepartment != null) { // after the transfer: the new lead leads a shared case
            events.publish(IntegrationEvents.CASE_LEAD_CHANGED, handover.caseId, IntegrationEvents.leadChange(
                    IntegrationEvents.LeadChange.LEAD_HANDED_OVER, handover.toDepartment, handover.contributingDepartment,
                    handover.fromDepartment, null));
        }
        reviews.request(handover.caseId, EconomyReviews.Trigger.HANDOVER, handover.id); // the economy track
    }

    private static Handover current(UUID caseId) {
        return HandoverService.underWay(caseId, false).orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no open handover"));
    }

    private static Handover handover(UUID id) {
        Handover handover = Handover.findById(id);
        if (handover == null) {
            throw new IllegalStateException("No handover " + id);
        }
        return handover;
    }
}
