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
        ChildCase childCase = create(id, new Facts(Cpr.parse(request.child().cpr()), request.child().name(), request.source(),
                request.receivedAt().toInstant(), request.description(), department, CaseStatus.RECEIVED, request.adviser(),
                request.dubuCaseId()), now, caller.user(), "Henvendelse modtaget", reason, Map.of());
        CaseAudit.record(id, now, caller.user(), "CREATE", null, null, childCase.department, reason);
        access.log(AccessLog.Action.CREATE, "case", childCase);
        registered.fire(new CaseRegistered(id, department, childCase.receivedAt.atZone(CaseApi.DENMARK).toLocalDate()));
        startProcess(id);
        return new Intake(childCase, false);
    }

    /** What a new case is made of, whether registered from a request or imported from another system. */
    record Facts(Cpr cpr, String childName, RequestSource source, Instant receivedAt, String description, Department department,
            CaseStatus status, String adviser, String dubuCaseId) {
    }

    /**
     * Writes a new case: its child (once per CPR), the case, its first status, its adviser and the case.registered event
     * ({@code eventExtras} added to its facts). The caller writes the audit entry, the access log and the process start.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    ChildCase create(UUID id, Facts facts, Instant now, String by, String statusNote, String reason, Map<String, Object> eventExtras) {
        ChildCase childCase = new ChildCase();
        childCase.id = id;
        childCase.child = childFor(facts.cpr(), facts.childName(), now);
        childCase.source = facts.source();
        childCase.receivedAt = facts.receivedAt();
        childCase.description = facts.description();
        childCase.department = facts.department();
        childCase.status = facts.status();
        childCase.adviser = CaseEdits.blankToNull(facts.adviser());
        childCase.dubuCaseId = DubuCaseIds.normalise(facts.dubuCaseId());
        DubuCaseIds.requireFree(childCase.dubuCaseId, id);
        childCase.createdAt = now;
        childCase.updatedAt = now;
        childCase.persist();
        CaseStatusChange.of(childCase, by, statusNote, now).persist();
        advisers.assigned(id, childCase.department, null, childCase.adviser, now, by, reason);
        // facts only: never the child, the description or the adviser's name
        Map<String, Object> event = new java.util.LinkedHashMap<>(Map.of("department", childCase.department.name(),
                "source", childCase.source.name(), "receivedAt", childCase.receivedAt.atZone(CaseApi.DENMARK).toOffsetDateTime().toString()));
        event.putAll(eventExtras);
        events.publish(IntegrationEvents.CASE_REGISTERED, id, event);
        return childCase;
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
