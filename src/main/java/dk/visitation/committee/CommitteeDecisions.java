package dk.visitation.committee;

import dk.visitation.cases.CaseAccess;
import dk.visitation.cases.CaseAuditTrail;
import dk.visitation.cases.CaseStatus;
import dk.visitation.cases.CaseStatusChanges;
import dk.visitation.common.Actor;
import dk.visitation.common.Department;
import dk.visitation.common.ETags;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.economy.EconomyReviews;
import dk.visitation.handover.HandoverService;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import dk.visitation.workflow.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The committee's decisions, one per agenda item, at its meeting with a quorum and a written justification. A pending
 * case moves to the next meeting's agenda by itself; a final decision places the case, is sent to its process and
 * asks for the economy review.
 */
@ApplicationScoped
class CommitteeDecisions {

    /** Tells a case's visitation process the committee's placement. */
    static final String COMMITTEE_DECIDED = "visitation.committee-decided";

    private final Agenda agenda;
    private final MeetingAttendance attendance;
    private final CaseAccess cases;
    private final CaseStatusChanges statusChanges;
    private final Outbox outbox;
    private final Caller caller;
    private final HandoverService handovers;
    private final EconomyReviews reviews;
    private final LeadDepartment leads;
    private final CaseAuditTrail trail;
    private final dk.visitation.events.IntegrationEvents events;

    CommitteeDecisions(Agenda agenda, MeetingAttendance attendance, CaseAccess cases, CaseStatusChanges statusChanges, Outbox outbox,
            Caller caller, HandoverService handovers, EconomyReviews reviews, LeadDepartment leads, CaseAuditTrail trail,
            dk.visitation.events.IntegrationEvents events) {
        this.events = events;
        this.agenda = agenda;
        this.attendance = attendance;
        this.cases = cases;
        this.statusChanges = statusChanges;
        this.outbox = outbox;
        this.caller = caller;
        this.handovers = handovers;
        this.reviews = reviews;
        this.leads = leads;
        this.trail = trail;
    }

    /** Records the committee's decision on one agenda item, at the version named by If-Match. */
    @Transactional
    public Decision decide(UUID meetingId, UUID itemId, String ifMatch, CommitteeApi.DecisionRequest request) {
        Meeting meeting = MeetingSchedule.meeting(meetingId);
        AgendaItem item = Agenda.item(meeting, itemId);
        ETags.requireCurrent(ifMatch, item.version);
        if (meeting.statusAt(Instant.now()) == Meeting.Status.PLANNED) {
            throw new ProblemException(ProblemType.CONFLICT, "The committee decides at its meeting, after the material deadline");
        }
        if (item.status != AgendaItem.Status.ON_AGENDA) {
            throw new ProblemException(ProblemType.CONFLICT, "The case was already decided on this agenda (" + item.status + ")");
        }
        List<CommitteeApi.Attendee> present = attendance.attendance(meetingId);
        if (!MeetingAttendance.quorum(present)) {
            throw new ProblemException(ProblemType.BUSINESS_RULE,
                    "No quorum: at least one member from MYN and one from CBA must be recorded as present");
        }
        validate(request, present);
        Decision decision = new Decision();
        decision.id = UUID.randomUUID();
        decision.agendaItemId = item.id;
        decision.meetingId = meeting.id;
        decision.caseId = item.caseId;
        decision.outcome = request.outcome();
        decision.leadDepartment = switch (request.outcome()) {
            case CBA -> Department.CBA;
            case MYN -> Department.MYN;
            case SHARED -> request.leadDepartment();
            case PENDING -> null;
        };
        decision.contributingDepartment = request.outcome() == Decision.Outcome.SHARED ? request.contributingDepartment() : null;
        decision.justification = request.justification().strip();
        decision.missingInformation = request.missingInformation();
        decision.decidedBy = String.join(",", request.decidedBy());
        decision.document = request.document();
        decision.recordedBy = caller.user();
        decision.decidedAt = meeting.startsAt;
        decision.persist();
        cases.access(item.caseId, AccessLog.Action.CHANGE, "committee decision");
        trail.record(item.caseId, null, "ADD", "committeeDecision", null, decision.outcome
                + (decision.missingInformation == null ? "" : "; mangler: " + decision.missingInformation) + " ("
                + Agenda.agendaEntry(meeting) + ")" + (decision.document == null ? "" : "; dokument " + decision.document.system() + " "
                + decision.document.caseNumber() + "/" + decision.document.documentId()), decision.justification);
        item.status = request.outcome() == Decision.Outcome.PENDING ? AgendaItem.Status.PENDING : AgendaItem.Status.DECIDED;
        item.persistAndFlush();
        events.publish(dk.visitation.events.IntegrationEvents.COMMITTEE_DECIDED, item.caseId, decided(decision));
        String why = "Visitationsudvalget: " + request.outcome() + " — " + decision.justification;
        switch (request.outcome()) {
            case PENDING -> {
                Meeting next = Agenda.nextOpenMeeting(meeting.startsAt, LockModeType.NONE).orElseThrow(() -> new ProblemException(
                        ProblemType.CONFLICT, "No later meeting is planned to take the pending case"));
                agenda.addItem(next, item.caseId, Actor.SYSTEM, item.id);
            }
            case CBA -> {
                statusChanges.changeStatus(item.caseId, CaseStatus.DECIDED_CBA, caller.user(), why);
                if (cases.ref(item.caseId).department() != Department.CBA) {
                    handovers.request(item.caseId, Department.CBA, why, caller.user());
                }
            }
            case MYN -> statusChanges.changeStatus(item.caseId, CaseStatus.DECIDED_MYN, caller.user(), why);
            case SHARED -> leads.shared(item.caseId, decision.leadDepartment, decision.contributingDepartment, caller.user(), why);
        }
        if (request.outcome() != Decision.Outcome.PENDING) {
            outbox.publishMessage(COMMITTEE_DECIDED, item.caseId.toString(), "committee-decided:" + decision.id,
                    Map.of("decision", request.outcome().name()));
            reviews.request(item.caseId, EconomyReviews.Trigger.COMMITTEE_DECISION, decision.id); // the economy track
        }
        return decision;
    }

    /** The decision's facts for other systems: ids, outcome, departments, date; not the justification (free text) nor who decided. */
    private static Map<String, Object> decided(Decision decision) {
        Map<String, Object> facts = new java.util.LinkedHashMap<>();
        facts.put("decisionId", decision.id.toString());
        facts.put("meetingId", decision.meetingId.toString());
        facts.put("outcome", decision.outcome.name());
        facts.put("leadDepartment", decision.leadDepartment == null ? null : decision.leadDepartment.name());
        facts.put("contributingDepartment", decision.contributingDepartment == null ? null : decision.contributingDepartment.name());
        facts.put("decidedAt", dk.visitation.common.Times.local(decision.decidedAt).toString());
        return facts;
    }

    private static void validate(CommitteeApi.DecisionRequest request, List<CommitteeApi.Attendee> present) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<String> members = present.stream().map(CommitteeApi.Attendee::member).toList();
        for (String member : request.decidedBy()) {
            if (!members.contains(member)) {
                errors.add(new Problem.FieldError("decidedBy", member + " is not recorded as present"));
            }
        }
        if (request.outcome() == Decision.Outcome.SHARED && (request.leadDepartment() == null
                || request.contributingDepartment() == null || request.leadDepartment() == request.contributingDepartment())) {
            errors.add(new Problem.FieldError("contributingDepartment", "a shared case needs a lead and a different contributing department"));
        }
        if (request.outcome() == Decision.Outcome.PENDING && (request.missingInformation() == null || request.missingInformation().isBlank())) {
            errors.add(new Problem.FieldError("missingInformation", "is required when the case is pending"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The decision is not valid", errors);
        }
    }
}
