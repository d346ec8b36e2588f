package dk.visitation.statusnotes;

import dk.visitation.cases.CaseAccess;
import dk.visitation.cases.CaseAuditTrail;
import dk.visitation.cases.CaseRef;
import dk.visitation.common.Department;
import dk.visitation.common.ETags;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.common.Problem;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.common.Times;
import dk.visitation.deadlines.DeadlineService;
import dk.visitation.economy.Measures;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Status notes at an agreed cadence: the adviser agrees a cadence for a grant with an internal provider, the provider's
 * system sends each note (a reference to it in ESDH), and what is owed is derived from the agreement, the grant and its
 * follow-ups whenever it is asked for. Agreements are few (internal providers' grants), so lists derive in memory.
 */
@ApplicationScoped
public class StatusNotes {

    static final int DEFAULT_DAYS_BEFORE = 14;

    /** The filters of GET /status-notes; null is "any". */
    public record Filter(Department department, String adviser, UUID provider, Set<StatusNoteSchedule.Status> status) {
    }

    /** An agreement and whether the call created it. */
    record Agreed(StatusNoteApi.AgreementView agreement, boolean created) {
    }

    /** A note and whether the call only repeated one received before (same grant and document). */
    record ReceivedNote(StatusNoteApi.NoteView note, boolean replayed) {
    }

    private final CaseAccess cases;
    private final CaseAuditTrail trail;
    private final Measures measures;
    private final DeadlineService deadlines;
    private final AccessLog accessLog;
    private final Caller caller;

    StatusNotes(CaseAccess cases, CaseAuditTrail trail, Measures measures, DeadlineService deadlines, AccessLog accessLog, Caller caller) {
        this.cases = cases;
        this.trail = trail;
        this.measures = measures;
        this.deadlines = deadlines;
        this.accessLog = accessLog;
        this.caller = caller;
    }

    /** Agrees (or, with If-Match, changes) the cadence of the grant's status notes. */
    @Transactional
    public Agreed agree(UUID caseId, UUID grantId, StatusNoteApi.AgreementEntry entry, String ifMatch) {
        cases.access(caseId, AccessLog.Action.CHANGE, "status note agreement");
        Measures.Provided grant = measures.provided(List.of(grantId)).get(grantId);
        if (grant == null || !grant.caseId().equals(caseId)) {
            throw ProblemException.notFound("Grant", grantId);
        }
        if (!"INTERNAL".equals(grant.providerKind())) {
            throw new ProblemException(ProblemType.BUSINESS_RULE, "Status notes are agreed with internal providers; "
                    + grant.providerName() + " is " + grant.providerKind(), List.of(new Problem.FieldError("grantId", "has an external provider")));
        }
        if (!grant.inForce()) {
            throw new ProblemException(ProblemType.BUSINESS_RULE, "The grant is not in force", List.of(new Problem.FieldError("grantId", "is not in force")));
        }
        Integer everyMonths = entry.everyMonths();
        Integer daysBefore = entry.daysBefore();
        if (entry.cadence() == StatusNoteAgreement.Cadence.EVERY_MONTHS) {
            if (everyMonths == null) {
                throw ProblemException.invalid("everyMonths", "is required with EVERY_MONTHS");
            }
            if (daysBefore != null) {
                throw ProblemException.invalid("daysBefore", "goes with BEFORE_FOLLOW_UP only");
            }
        } else {
            if (everyMonths != null) {
                throw ProblemException.invalid("everyMonths", "goes with EVERY_MONTHS only");
            }
            daysBefore = daysBefore == null ? DEFAULT_DAYS_BEFORE : daysBefore;
        }
        StatusNoteAgreement agreement = StatusNoteAgreement.findById(grantId, LockModeType.PESSIMISTIC_WRITE);
        boolean created = agreement == null;
        String before = created ? null : describe(agreement);
        if (created) {
            agreement = new StatusNoteAgreement();
            agreement.grantId = grantId;
            agreement.caseId = caseId;
        } else {
            ETags.requireCurrent(ifMatch, agreement.version);
        }
        agreement.cadence = entry.cadence();
        agreement.everyMonths = everyMonths;
        agreement.daysBefore = daysBefore;
        agreement.agreedBy = caller.user();
        agreement.agreedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        agreement.persistAndFlush();
        trail.record(caseId, null, created ? "ADD" : "CHANGE", "status note agreement", before, describe(agreement), null);
        return new Agreed(view(agreement, grant), created);
    }

    /** A note from the provider's system; the same document for the same grant again is a replay, not a second note. */
    @Transactional
    public ReceivedNote receive(StatusNoteApi.NewNote request) {
        StatusNoteAgreement agreement = StatusNoteAgreement.findById(request.grantId());
        if (agreement == null) {
            throw new ProblemException(ProblemType.BUSINESS_RULE, "No status notes are agreed for grant " + request.grantId(),
                    List.of(new Problem.FieldError("grantId", "has no status note agreement")));
        }
        if (request.writtenOn().isAfter(LocalDate.now(Times.DENMARK))) {
            throw ProblemException.invalid("writtenOn", "must not be in the future");
        }
        CaseRef ref = cases.ref(agreement.caseId);
        accessLog.record(AccessLog.Action.CHANGE, "status note", List.of(ref.id()), List.of(ref.childId()), Map.of());
        StatusNote earlier = StatusNote.<StatusNote>find("grantId = ?1 and document.system = ?2 and document.caseNumber = ?3 "
                        + "and document.documentId = ?4", request.grantId(), request.document().system(), request.document().caseNumber(),
                request.document().documentId()).firstResult();
        if (earlier != null) {
            return new ReceivedNote(noteView(earlier, meets(agreement, earlier)), true);
        }
        StatusNote note = new StatusNote();
        note.id = UUID.randomUUID();
        note.grantId = agreement.grantId;
        note.caseId = agreement.caseId;
        note.writtenOn = request.writtenOn();
        note.receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        note.receivedBy = caller.user();
        note.document = request.document();
        note.persistAndFlush();
        trail.record(note.caseId, null, "ADD", "status note", null, note.grantId + ": written " + note.writtenOn + ", "
                + note.document.system() + " " + note.document.caseNumber() + " / " + note.document.documentId(), null);
        return new ReceivedNote(noteView(note, meets(agreement, note)), false);
    }

    /** Which expected note {@code note} met (1 = the first), or null when more came than were due. */
    private Integer meets(StatusNoteAgreement agreement, StatusNote note) {
        Measures.Provided grant = measures.provided(List.of(agreement.grantId)).get(agreement.grantId);
        List<StatusNote> notes = StatusNote.list("grantId", Sort.by("receivedAt").and("id"), agreement.grantId);
        return expected(agreement, grant, notes, LocalDate.now(Times.DENMARK)).stream()
                .filter(e -> e.note() != null && e.note().noteId().equals(note.id)).map(StatusNoteSchedule.Expected::number)
                .findFirst().orElse(null);
    }

    /** A case's agreements, what they expect and what came; logged as a read. */
    @Transactional
    public StatusNoteApi.CaseNotes forCase(UUID caseId) {
        CaseRef ref = cases.access(caseId, AccessLog.Action.READ, "status notes");
        List<StatusNoteAgreement> agreements = StatusNoteAgreement.list("caseId", Sort.by("agreedAt").and("grantId"), caseId);
        Map<UUID, Measures.Provided> grants = measures.provided(agreements.stream().map(a -> a.grantId).toList());
        LocalDate today = LocalDate.now(Times.DENMARK);
        List<StatusNoteApi.ExpectedView> expected = new ArrayList<>();
        List<StatusNoteApi.NoteView> received = new ArrayList<>();
        Map<UUID, List<StatusNote>> notesByGrant = notesOf(agreements);
        for (StatusNoteAgreement agreement : agreements) {
            List<StatusNote> notes = notesByGrant.getOrDefault(agreement.grantId, List.of());
            List<StatusNoteSchedule.Expected> due = expected(agreement, grants.get(agreement.grantId), notes, today);
            due.forEach(e -> expected.add(expectedView(e, agreement, grants.get(agreement.grantId), ref)));
            for (int i = 0; i < notes.size(); i++) {
                received.add(noteView(notes.get(i), i < due.size() ? i + 1 : null));
            }
        }
        received.sort(Comparator.comparing(StatusNoteApi.NoteView::receivedAt).reversed());
        return new StatusNoteApi.CaseNotes(caseId, agreements.stream().map(a -> view(a, grants.get(a.grantId))).toList(), expected, received);
    }

    /** What the providers owe and sent, over the cases the caller sees: due day first; the cases shown are logged. */
    @Transactional
    public Page<StatusNoteApi.ExpectedView> list(Filter filter, PageRequest page) {
        List<StatusNoteAgreement> agreements = StatusNoteAgreement.listAll(Sort.by("grantId"));
        Set<UUID> visible = cases.visibleOf(agreements.stream().map(a -> a.caseId).distinct().toList());
        Map<UUID, CaseRef> refs = cases.refs(visible);
        Map<UUID, Measures.Provided> grants = measures.provided(agreements.stream().map(a -> a.grantId).toList());
        List<StatusNoteAgreement> kept = agreements.stream().filter(agreement -> {
            CaseRef ref = refs.get(agreement.caseId);
            return ref != null && (filter.department() == null || ref.department() == filter.department())
                    && (filter.adviser() == null || filter.adviser().equals(ref.adviser()))
                    && (filter.provider() == null || filter.provider().equals(grants.get(agreement.grantId).providerId()));
        }).toList();
        Map<UUID, List<StatusNote>> notes = notesOf(kept); // only the notes of the agreements in scope and filter
        LocalDate today = LocalDate.now(Times.DENMARK);
        List<StatusNoteApi.ExpectedView> all = new ArrayList<>();
        for (StatusNoteAgreement agreement : kept) {
            Measures.Provided grant = grants.get(agreement.grantId);
            for (StatusNoteSchedule.Expected e : expected(agreement, grant, notes.getOrDefault(agreement.grantId, List.of()), today)) {
                if (filter.status() == null || filter.status().contains(e.status())) {
                    all.add(expectedView(e, agreement, grant, refs.get(agreement.caseId)));
                }
            }
        }
        all.sort(Comparator.comparing(StatusNoteApi.ExpectedView::dueOn).thenComparing(StatusNoteApi.ExpectedView::grantId)
                .thenComparing(StatusNoteApi.ExpectedView::number));
        int from = Math.min(all.size(), page.offset());
        List<StatusNoteApi.ExpectedView> shown = all.subList(from, Math.min(all.size(), from + page.size));
        Map<String, Object> criteria = new LinkedHashMap<>();
        if (filter.department() != null) {
            criteria.put("department", filter.department().name());
        }
        if (filter.adviser() != null) {
            criteria.put("adviser", filter.adviser());
        }
        if (filter.provider() != null) {
            criteria.put("provider", filter.provider().toString());
        }
        if (filter.status() != null) {
            criteria.put("status", filter.status().stream().map(Enum::name).sorted().toList());
        }
        accessLog.record(AccessLog.Action.SEARCH, "status notes list", shown.stream().map(StatusNoteApi.ExpectedView::caseId).distinct().toList(),
                List.of(), criteria);
        return new Page<>(List.copyOf(shown), page.page, page.size, all.size());
    }

    /** The notes received on these agreements' grants, per grant in the order received: one query per batch of grants. */
    private static Map<UUID, List<StatusNote>> notesOf(List<StatusNoteAgreement> agreements) {
        Map<UUID, List<StatusNote>> notes = new HashMap<>();
        for (List<UUID> batch : dk.visitation.common.IdBatches.of(agreements.stream().map(a -> a.grantId).toList())) {
            StatusNote.<StatusNote>list("grantId in ?1", Sort.by("receivedAt").and("id"), batch)
                    .forEach(n -> notes.computeIfAbsent(n.grantId, k -> new ArrayList<>()).add(n));
        }
        return notes;
    }

    private List<StatusNoteSchedule.Expected> expected(StatusNoteAgreement agreement, Measures.Provided grant, List<StatusNote> notes,
            LocalDate today) {
        List<LocalDate> followUps = agreement.cadence == StatusNoteAgreement.Cadence.BEFORE_FOLLOW_UP
                ? deadlines.followUpsDue(agreement.caseId, agreement.grantId) : List.of();
        List<LocalDate> days = StatusNoteSchedule.dueDays(agreement.cadence, agreement.everyMonths, agreement.daysBefore, grant.from(),
                grant.to(), followUps);
        List<StatusNoteSchedule.Received> received = notes.stream()
                .map(n -> new StatusNoteSchedule.Received(n.id, n.receivedAt, n.receivedAt.atZone(Times.DENMARK).toLocalDate())).toList();
        return StatusNoteSchedule.match(days, received, today);
    }

    private static StatusNoteApi.ExpectedView expectedView(StatusNoteSchedule.Expected e, StatusNoteAgreement agreement,
            Measures.Provided grant, CaseRef ref) {
        return new StatusNoteApi.ExpectedView(agreement.caseId, agreement.grantId, ref.department(), ref.adviser(), grant.providerId(),
                grant.providerName(), e.number(), e.dueOn(), e.status(), e.note() == null ? null : e.note().noteId(),
                e.note() == null ? null : Times.local(e.note().receivedAt()));
    }

    private static StatusNoteApi.AgreementView view(StatusNoteAgreement a, Measures.Provided grant) {
        return new StatusNoteApi.AgreementView(a.grantId, a.caseId, a.cadence, a.everyMonths, a.daysBefore, grant.providerId(),
                grant.providerName(), a.agreedBy, Times.local(a.agreedAt), a.version);
    }

    private static StatusNoteApi.NoteView noteView(StatusNote n, Integer meets) {
        return new StatusNoteApi.NoteView(n.id, n.grantId, n.caseId, n.writtenOn, Times.local(n.receivedAt), n.receivedBy, n.document, meets);
    }

    private static String describe(StatusNoteAgreement a) {
        return a.grantId + ": " + a.cadence + (a.everyMonths != null ? " every " + a.everyMonths + " months" : "")
                + (a.daysBefore != null ? " " + a.daysBefore + " days before each follow-up" : "");
    }
}
