package dk.visitation.cases;

import dk.visitation.common.Department;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A case taken over from another system (the bulk import of a municipality's open caseload): written as a registration
 * writes a case, but in the status it has there, and its process started at the step that status waits in by the same
 * path as a restart's rebuild ({@link ProcessRebuild#resumeAt}, through the outbox after commit). Idempotent per DUBU
 * case id: a case that already carries it is left as it is.
 */
@ApplicationScoped
public class CaseImports {

    /**
     * The statuses a case may be imported in: the four the visitation process waits in (started there), and the three
     * settled ones where the case is simply worked in its department and no process waits (none is started). A case
     * quick-screened or decided for CBA waits for its handover, and a shared one needs its contributing department:
     * import those once handed over (HANDED_OVER in CBA), or before.
     */
    public static final Set<CaseStatus> IMPORTABLE = EnumSet.of(CaseStatus.RECEIVED, CaseStatus.AWAITING_ASSESSMENT,
            CaseStatus.PREPARING_COMMITTEE, CaseStatus.ON_COMMITTEE_AGENDA, CaseStatus.DECIDED_MYN, CaseStatus.STAYS_MYN,
            CaseStatus.HANDED_OVER);

    private static final Set<CaseStatus> IN_PROCESS = EnumSet.of(CaseStatus.RECEIVED, CaseStatus.AWAITING_ASSESSMENT,
            CaseStatus.PREPARING_COMMITTEE, CaseStatus.ON_COMMITTEE_AGENDA);

    private final CaseRegistration registration;
    private final Event<CaseRegistered> registered;

    CaseImports(CaseRegistration registration, Event<CaseRegistered> registered) {
        this.registration = registration;
        this.registered = registered;
    }

    /** A case as the importing system describes it; {@code firstPayer} pays from {@code payingFrom} until a later switch. */
    public record ImportedCase(String cpr, String childName, RequestSource source, Instant receivedAt, String description,
            Department department, CaseStatus status, String adviser, String dubuCaseId, Department firstPayer, LocalDate payingFrom) {
    }

    /** A case written by the import, and its child (for the batch's access log). */
    public record Created(UUID caseId, UUID childId) {
    }

    /** The case ids of those DUBU case ids that cases already carry (DUBU id → case id). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, UUID> existing(Collection<String> dubuCaseIds) {
        Map<String, UUID> found = new java.util.HashMap<>();
        for (List<String> batch : dk.visitation.common.IdBatches.of(dubuCaseIds)) {
            ChildCase.getEntityManager().createQuery("select c.dubuCaseId, c.id from ChildCase c where c.dubuCaseId in ?1", Object[].class)
                    .setParameter(1, batch).getResultList().forEach(row -> found.put((String) row[0], (UUID) row[1]));
        }
        return found;
    }

    /**
     * Writes the case (its audit entry says it was imported, by whom, in which import), opens its payment responsibility and
     * starts its process where its status waits; the case.registered event carries the import's id. Empty when a case
     * already carries the DUBU id: nothing is changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Created> importCase(ImportedCase imported, UUID importId, String by) {
        if (!IMPORTABLE.contains(imported.status())) {
            throw new IllegalArgumentException("Status " + imported.status() + " is not importable");
        }
        String dubuCaseId = DubuCaseIds.normalise(imported.dubuCaseId());
        if (dubuCaseId == null) {
            throw new IllegalArgumentException("An imported case needs its DUBU case id");
        }
        if (ChildCase.count("dubuCaseId", dubuCaseId) > 0) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String reason = "Importeret (import " + importId + ")";
        ChildCase childCase = registration.create(id, new CaseRegistration.Facts(Cpr.parse(imported.cpr()), imported.childName(),
                imported.source(), imported.receivedAt(), imported.description(), imported.department(), imported.status(),
                imported.adviser(), dubuCaseId), now, by, "Importeret", reason, Map.of("importId", importId.toString()));
        CaseAudit.record(id, now, by, "IMPORT", "import", null, importId.toString(), reason);
        registered.fire(new CaseRegistered(id, imported.firstPayer(), imported.payingFrom()));
        if (IN_PROCESS.contains(imported.status())) {
            registration.restartProcess(id, ProcessRebuild.resumeImportedAt(imported.status()));
        }
        return Optional.of(new Created(id, childCase.child.id));
    }
}
