package dk.visitation.casework;

import dk.visitation.cases.CaseAuditTrail;
import dk.visitation.cases.CaseAccess;
import dk.visitation.common.IdempotencyKeys;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.economy.Measures;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Records the casework the law counts, one dated fact at a time, with who recorded it and the document it cites; each
 * record is audited on the case in its own transaction and its access logged. Records are never changed: a correction
 * is a new record. Deadlines and the quality radar read {@link #facts}.
 */
@ApplicationScoped
public class CaseworkService {

    /** How far in the future a record may be dated (clock skew between the adviser's machine and the service). */
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final CaseAccess cases;
    private final CaseAuditTrail trail;
    private final IdempotencyKeys idempotencyKeys;
    private final Caller caller;
    private final Measures measures;
    private final Event<CaseworkRecorded> recorded;

    CaseworkService(CaseAccess cases, CaseAuditTrail trail, IdempotencyKeys idempotencyKeys, Caller caller, Measures measures,
            Event<CaseworkRecorded> recorded) {
        this.cases = cases;
        this.trail = trail;
        this.idempotencyKeys = idempotencyKeys;
        this.caller = caller;
        this.measures = measures;
        this.recorded = recorded;
    }

    public record Recorded(CaseworkEntry entry, boolean replayed) {
    }

    @Transactional
    public Recorded record(UUID caseId, CaseworkApi.NewEntry request, String idempotencyKey) {
        cases.access(caseId, AccessLog.Action.CHANGE, "casework record");
        UUID id = UUID.randomUUID();
        if (idempotencyKey != null) {
            Map<String, Object> keyed = new LinkedHashMap<>();
            keyed.put("caseId", caseId.toString());
            keyed.put("request", request);
            Optional<UUID> earlier = idempotencyKeys.claim("casework.record", idempotencyKey, keyed, id);
            if (earlier.isPresent()) {
                return new Recorded(CaseworkEntry.findById(earlier.get()), true);
            }
        }
        return new Recorded(write(caseId, id, request, caller.user()), false);
    }

    /**
     * A casework record taken over from another system (the bulk import), recorded as {@link #record} records one: not
     * scoped and not logged (the import logs its batch); what it answers is the case's latest record of that kind.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID imported(UUID caseId, CaseworkApi.NewEntry request, String by) {
        return write(caseId, UUID.randomUUID(), request, by).id;
    }

    /** Why the record's facts do not fit its kind, as a field error; empty when they do (what it answers is not checked). */
    public static Optional<dk.visitation.common.Problem.FieldError> check(CaseworkApi.NewEntry request) {
        try {
            validateFacts(request);
            return Optional.empty();
        } catch (ProblemException e) {
            return e.errors().stream().findFirst();
        }
    }

    private CaseworkEntry write(UUID caseId, UUID id, CaseworkApi.NewEntry request, String by) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CaseworkEntry entry = new CaseworkEntry();
        entry.id = id;
        entry.caseId = caseId;
        entry.kind = request.kind();
        entry.occurredAt = request.occurredAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        if (entry.occurredAt.isAfter(now.plus(SKEW))) {
            throw ProblemException.invalid("occurredAt", "must not be in the future");
        }
        validateFacts(request);
        entry.notifierKind = request.notifierKind();
        entry.urgent = request.urgent();
        entry.reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        entry.grantId = request.grantId();
        entry.refersTo = answered(caseId, request);
        entry.document = request.document();
        entry.recordedBy = by;
        entry.recordedAt = now;
        entry.persistAndFlush();
        trail.record(caseId, by, "ADD", "casework", null, describe(entry), entry.reason);
        recorded.fire(new CaseworkRecorded(caseId, entry.id, entry.kind));
        return entry;
    }

    private static void validateFacts(CaseworkApi.NewEntry request) {
        CaseworkKind kind = request.kind();
        boolean notification = kind == CaseworkKind.NOTIFICATION;
        if (notification && request.notifierKind() == null) {
            throw ProblemException.invalid("notifierKind", "is required for a NOTIFICATION");
        }
        if (notification && request.urgent() == null) {
            throw ProblemException.invalid("urgent", "is required for a NOTIFICATION");
        }
        if (!notification && (request.notifierKind() != null || request.urgent() != null)) {
            throw ProblemException.invalid(request.notifierKind() != null ? "notifierKind" : "urgent", "is for a NOTIFICATION only");
        }
        if (kind.needsReason() && (request.reason() == null || request.reason().isBlank())) {
            throw ProblemException.invalid("reason", "is required for " + kind);
        }
        if (kind.namesGrant() != (request.grantId() != null)) {
            throw ProblemException.invalid("grantId", kind.namesGrant() ? "is required for a " + kind
                    : "is for a FOLLOW_UP or a RENEWAL_DECIDED only");
        }
        if (kind.answers().isEmpty() && request.refersTo() != null) {
            throw ProblemException.invalid("refersTo", kind + " answers no other record");
        }
    }

    /** The record this one answers: the one named, which must be of the case and of the right kind, or the latest such. */
    private UUID answered(UUID caseId, CaseworkApi.NewEntry request) {
        if (request.grantId() != null && measures.of(caseId).stream().noneMatch(m -> m.grantId().equals(request.grantId()))) {
            throw new ProblemException(ProblemType.BUSINESS_RULE, "The case has no grant " + request.grantId(),
                    List.of(new dk.visitation.common.Problem.FieldError("grantId", "is not a grant of the case")));
        }
        Optional<CaseworkKind> answers = request.kind().answers();
        if (answers.isEmpty()) {
            return null;
        }
        CaseworkEntry target = request.refersTo() != null ? CaseworkEntry.findById(request.refersTo())
                : CaseworkEntry.<CaseworkEntry>find("caseId = ?1 and kind = ?2 order by occurredAt desc, recordedAt desc", caseId,
                        answers.get()).firstResult();
        if (target == null || !target.caseId.equals(caseId) || target.kind != answers.get()) {
            throw new ProblemException(ProblemType.BUSINESS_RULE, request.kind() + " answers a " + answers.get() + " of the case, "
                    + (request.refersTo() == null ? "and it has none" : "which " + request.refersTo() + " is not"),
                    List.of(new dk.visitation.common.Problem.FieldError("refersTo", "must be a " + answers.get() + " of the case")));
        }
        if (request.kind() == CaseworkKind.RECEIPT_SENT && target.notifierKind != NotifierKind.PROFESSIONAL) {
            throw new ProblemException(ProblemType.BUSINESS_RULE, "A receipt is sent to a professional notifier only (Barnets Lov § 137)",
                    List.of(new dk.visitation.common.Problem.FieldError("refersTo", "is not a notification from a professional")));
        }
        return target.id;
    }

    static String describe(CaseworkEntry e) {
        StringBuilder text = new StringBuilder(e.id + ": " + e.kind + " at " + e.occurredAt);
        if (e.notifierKind != null) {
            text.append(", ").append(e.notifierKind).append(Boolean.TRUE.equals(e.urgent) ? ", urgent" : ", not urgent");
        }
        if (e.refersTo != null) {
            text.append(", answers ").append(e.refersTo);
        }
        if (e.grantId != null) {
            text.append(", grant ").append(e.grantId);
        }
        if (e.document != null) {
            text.append(", document ").append(e.document.system()).append(' ').append(e.document.caseNumber()).append('/')
                    .append(e.document.documentId());
        }
        return text.toString();
    }

    /** The case's record for the caller, oldest first; logged as a read. */
    @Transactional
    public List<CaseworkEntry> entries(UUID caseId) {
        cases.access(caseId, AccessLog.Action.READ, "casework record");
        return CaseworkEntry.list("caseId = ?1 order by occurredAt, recordedAt, id", caseId);
    }

    /** The records of these cases as facts, oldest first (not scoped, not logged: the caller logs what it shows). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, List<CaseworkFact>> facts(Collection<UUID> caseIds) {
        Map<UUID, List<CaseworkFact>> facts = new HashMap<>();
        for (List<UUID> batch : dk.visitation.common.IdBatches.of(caseIds)) {
            CaseworkEntry.<CaseworkEntry>list("caseId in ?1 order by occurredAt, recordedAt, id", batch)
                    .forEach(e -> facts.computeIfAbsent(e.caseId, k -> new java.util.ArrayList<>()).add(e.fact()));
        }
        return facts;
    }

    /** Every case that has a casework record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> casesWithRecords() {
        return CaseworkEntry.getEntityManager().createQuery("select distinct e.caseId from CaseworkEntry e", UUID.class).getResultList();
    }
}
