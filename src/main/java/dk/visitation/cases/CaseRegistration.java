package dk.visitation.cases;

import dk.visitation.common.Department;
import dk.visitation.common.IdempotencyKeys;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.events.IntegrationEvents;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import dk.visitation.security.Role;
import dk.visitation.workflow.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Intake of a case (its child, first status and audit entry) and the start of its visitation process through the outbox. */
@ApplicationScoped
class CaseRegistration {

    /** The message that starts a case's visitation process, correlated by the case id. */
    static final String CASE_RECEIVED = "visitation.case-received";

    private final IdempotencyKeys idempotencyKeys;
    private final Outbox outbox;
    private final Caller caller;
    private final CaseAccess access;
    private final Event<CaseRegistered> registered;
    private final CaseAdvisers advisers;
    private final IntegrationEvents events;

    CaseRegistration(IdempotencyKeys idempotencyKeys, Outbox outbox, Caller caller, CaseAccess access, Event<CaseRegistered> registered,
            CaseAdvisers advisers, IntegrationEvents events) {
        this.advisers = advisers;
        this.events = events;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.caller = caller;
        this.access = access;
        this.registered = registered;
    }

    public record Intake(ChildCase childCase, boolean replayed) {
    }

    /** Registers a case, its first status and the command that starts its visitation process. */
    @Transactional
    public Intake register(CaseApi.NewCase request, String idempotencyKey, String reason) {
        Department department = request.department() == null ? Department.MYN : request.department();
        if (!caller.hasRole(Role.SYSTEM) && !caller.departments().contains(department)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "You can register cases only in your own department(s): " + caller.departments());
        }
        advisers.requireAssignable(request.adviser(), department, "adviser");
        UUID id = UUID.randomUUID();
        if (idempotencyKey != null) {
            Optional<UUID> earlier = idempotencyKeys.claim("cases.register", idempotencyKey, request, id);
            if (earlier.isPresent()) {
                ChildCase first = CaseAccess.find(earlier.get());
                access.log(AccessLog.Action.READ, "case (repeated registration)", first);
                return new Intake(first, true);
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps: reads equal the response
        ChildCase childCase = new ChildCase();
        childCase.id = id;
        childCase.child = childFor(Cpr.parse(request.child().cpr()), request.child().name(), now);
        childCase.source = request.source();
        childCase.receivedAt = request.receivedAt().toInstant();
        childCase.description = request.description();
        childCase.department = department;
        childCase.status = CaseStatus.RECEIVED;
        childCase.adviser = CaseEdits.blankToNull(request.adviser());
        childCase.dubuCaseId = DubuCaseIds.normalise(request.dubuCaseId());
        DubuCaseIds.requireFree(childCase.dubuCaseId, id);
        childCase.createdAt = now;
        childCase.updatedAt = now;
        childCase.persist();
        CaseStatusChange.of(childCase, caller.user(), "Henvendelse modtaget", now).persist();
        CaseAudit.record(id, now, caller.user(), "CREATE", null, null, childCase.department, reason);
        advisers.assigned(id, department, null, childCase.adviser, now, caller.user(), reason);
        access.log(AccessLog.Action.CREATE, "case", childCase);
        registered.fire(new CaseRegistered(id, department, childCase.receivedAt.atZone(CaseApi.DENMARK).toLocalDate()));
        // facts only: never the child, the description or the adviser's name
        events.publish(IntegrationEvents.CASE_REGISTERED, id, Map.of("department", department.name(), "source", childCase.source.name(),
                "receivedAt", childCase.receivedAt.atZone(CaseApi.DENMARK).toOffsetDateTime().toString()));
        startProcess(id);
        return new Intake(childCase, false);
    }

    /** Starts the case's process again in an engine that has forgotten it, resuming at an element (ProcessRebuild). */
    @Transactional(Transactional.TxType.MANDATORY)
    void restartProcess(UUID caseId, String resumeAt) {
        outbox.publishMessage(CASE_RECEIVED, caseId.toString(), "case-received:" + caseId,
                Map.of("caseId", caseId.toString(), "resumeAt", resumeAt));
    }

    private void startProcess(UUID caseId) {
        // one start message per case: a repeated send is refused by its id, and the engine runs at
        // most one instance per correlation key at a time
        outbox.publishMessage(CASE_RECEIVED, caseId.toString(), "case-received:" + caseId,
                Map.of("caseId", caseId.toString(), "resumeAt", "assess-target-group"));
    }

    private static Child childFor(Cpr cpr, String name, Instant now) {
        // insert-or-nothing, so two intakes for one new child at once do not collide on the unique CPR
        Child.getEntityManager().createNativeQuery("""
                        insert into child (id, cpr, name, created_at) values (:id, :cpr, :name, :now)
                        on conflict (cpr) do nothing""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("cpr", cpr.digits())
                .setParameter("name", name)
                .setParameter("now", now)
                .executeUpdate();
        return Child.byCpr(cpr).orElseThrow();
    }
}
