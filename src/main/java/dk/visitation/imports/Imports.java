package dk.visitation.imports;

import static dk.visitation.common.Times.local;

import dk.visitation.cases.CaseImports;
import dk.visitation.casework.CaseworkService;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.common.ProblemException;
import dk.visitation.common.Rows;
import dk.visitation.economy.EconomyApi;
import dk.visitation.economy.Grants;
import dk.visitation.economy.PaymentResponsibility;
import dk.visitation.security.AccessLog;
import dk.visitation.security.Caller;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The bulk import of a municipality's open caseload. Every line is validated first ({@link ImportValidation}); a dry run
 * stops there, a real run with an invalid line is refused whole, and otherwise the lines are written in transactions of
 * {@code visitation.imports.chunk-size} lines through the features' own services (the case and its process start,
 * payment responsibility, grants, casework), each line idempotent by its DUBU case id. Each batch is recorded with its
 * report.
 */
@ApplicationScoped
public class Imports {

    private static final Logger LOG = Logger.getLogger(Imports.class);
    private static final String DEFAULT_DESCRIPTION = "Importeret fra DUBU";

    private final ImportValidation validation;
    private final CaseImports cases;
    private final PaymentResponsibility payments;
    private final Grants grants;
    private final CaseworkService casework;
    private final AccessLog accessLog;
    private final Caller caller;
    private final int chunkSize;
    private final int chunkTimeoutSeconds;

    Imports(ImportValidation validation, CaseImports cases, PaymentResponsibility payments, Grants grants, CaseworkService casework,
            AccessLog accessLog, Caller caller, @ConfigProperty(name = "visitation.imports.chunk-size", defaultValue = "500") int chunkSize,
            @ConfigProperty(name = "visitation.imports.chunk-timeout-seconds", defaultValue = "300") int chunkTimeoutSeconds) {
        this.validation = validation;
        this.cases = cases;
        this.payments = payments;
        this.grants = grants;
        this.casework = casework;
        this.accessLog = accessLog;
        this.caller = caller;
        this.chunkSize = chunkSize;
        this.chunkTimeoutSeconds = chunkTimeoutSeconds;
    }

    /** Validates the batch and, unless a dry run or refused, imports it; the report as recorded (REFUSED: as a 422's body). */
    public ImportApi.Report run(List<ImportBatch.Line> lines, boolean dryRun) {
        UUID id = UUID.randomUUID();
        String by = caller.user();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<ImportApi.LineProblem> problems = QuarkusTransaction.requiringNew().timeout(chunkTimeoutSeconds)
                .call(() -> validation.check(lines));
        int invalid = (int) problems.stream().mapToInt(ImportApi.LineProblem::line).distinct().count();
        int valid = lines.size() - invalid;
        int unchanged = QuarkusTransaction.requiringNew().call(() -> cases.existing(dubuIds(lines)).size());
        ImportApi.ImportOutcome outcome = dryRun ? ImportApi.ImportOutcome.VALIDATED
                : invalid > 0 ? ImportApi.ImportOutcome.REFUSED : ImportApi.ImportOutcome.RUNNING;
        QuarkusTransaction.requiringNew().run(() -> {
            insert(id, by, at, dryRun, outcome, lines.size(), valid, invalid, outcome == ImportApi.ImportOutcome.RUNNING ? 0 : unchanged);
            saveProblems(id, problems);
        });
        if (outcome == ImportApi.ImportOutcome.RUNNING) {
            write(id, by, lines);
        }
        return QuarkusTransaction.requiringNew().call(() -> report(id));
    }

    /** The valid batch written chunk by chunk; a failure marks the import FAILED (what was committed stays, re-running is safe). */
    private void write(UUID id, String by, List<ImportBatch.Line> lines) {
        long started = System.nanoTime();
        try {
            for (int from = 0; from < lines.size(); from += chunkSize) {
                List<ImportBatch.Line> chunk = lines.subList(from, Math.min(lines.size(), from + chunkSize));
                QuarkusTransaction.requiringNew().timeout(chunkTimeoutSeconds).run(() -> writeChunk(id, by, chunk));
            }
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> finish(id, ImportApi.ImportOutcome.FAILED));
            throw e;
        }
        QuarkusTransaction.requiringNew().run(() -> finish(id, ImportApi.ImportOutcome.COMPLETED));
        LOG.infof("Import %s: %d lines written in %d ms", id, lines.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private void writeChunk(UUID id, String by, List<ImportBatch.Line> chunk) {
        Map<String, UUID> existing = cases.existing(dubuIds(chunk));
        List<ImportApi.LineResult> results = new ArrayList<>();
        List<UUID> created = new ArrayList<>();
        List<UUID> children = new ArrayList<>();
        String reason = "Importeret (import " + id + ")";
        for (ImportBatch.Line batchLine : chunk) {
            ImportApi.ImportLine line = batchLine.line();
            String dubu = line.dubuCaseId().strip();
            Optional<CaseImports.Created> written = existing.containsKey(dubu) ? Optional.empty()
                    : cases.importCase(imported(line), id, by);
            if (written.isEmpty()) {
                UUID caseId = existing.containsKey(dubu) ? existing.get(dubu) : cases.existing(Set.of(dubu)).get(dubu);
                results.add(new ImportApi.LineResult(batchLine.number(), dubu, caseId, ImportApi.Outcome.UNCHANGED));
                continue;
            }
            UUID caseId = written.get().caseId();
            created.add(caseId);
            children.add(written.get().childId());
            List<ImportApi.PaymentEntry> history = payments(line);
            for (ImportApi.PaymentEntry entry : history.subList(1, history.size())) {
                payments.switchPayment(caseId, entry.department(), entry.from(), reason, by);
            }
            List<UUID> grantIds = new ArrayList<>();
            for (EconomyApi.NewGrant grant : line.grants() == null ? List.<EconomyApi.NewGrant>of() : line.grants()) {
                grantIds.add(grants.imported(caseId, grant, by, reason));
            }
            if (line.workItems() != null) {
                for (int i : ImportValidation.writeOrder(line.workItems())) {
                    ImportApi.WorkItem item = line.workItems().get(i);
                    casework.imported(caseId, ImportValidation.entry(item, item.grant() == null ? null : grantIds.get(item.grant())), by);
                }
            }
            results.add(new ImportApi.LineResult(batchLine.number(), dubu, caseId, ImportApi.Outcome.CREATED));
            // each line's entities written and let go: every flush (and native query) of the chunk would otherwise check
            // all the chunk's entities so far, which made a line's cost grow with its place in the chunk
            Panache.getEntityManager().flush();
            Panache.getEntityManager().clear();
        }
        if (!created.isEmpty()) {
            accessLog.record(AccessLog.Action.CREATE, "case (bulk import)", created, children, Map.of("importId", id.toString()));
        }
        List<UUID> unchanged = results.stream().filter(r -> r.outcome() == ImportApi.Outcome.UNCHANGED).map(ImportApi.LineResult::caseId).toList();
        if (!unchanged.isEmpty()) {
            accessLog.record(AccessLog.Action.SEARCH, "case by DUBU case id (bulk import, unchanged)", unchanged, List.of(),
                    Map.of("importId", id.toString()));
        }
        saveResults(id, results, created.size(), unchanged.size());
    }

    private static CaseImports.ImportedCase imported(ImportApi.ImportLine line) {
        ImportApi.PaymentEntry first = payments(line).getFirst();
        return new CaseImports.ImportedCase(line.child().cpr(), line.child().name(), line.source(),
                line.receivedAt().toInstant().truncatedTo(ChronoUnit.MICROS),
                line.description() == null || line.description().isBlank() ? DEFAULT_DESCRIPTION + " (" + line.dubuCaseId().strip() + ")"
                        : line.description(),
                line.department(), line.status(), line.adviser(), line.dubuCaseId(), first.department(), first.from());
    }

    /** Who paid from when; the case's department from the day the request came in when the line does not say. */
    private static List<ImportApi.PaymentEntry> payments(ImportApi.ImportLine line) {
        if (line.paymentResponsibility() == null || line.paymentResponsibility().isEmpty()) {
            return List.of(new ImportApi.PaymentEntry(line.department(), line.receivedAt().atZoneSameInstant(dk.visitation.common.Times.DENMARK)
                    .toLocalDate()));
        }
        return line.paymentResponsibility();
    }

    private static Set<String> dubuIds(List<ImportBatch.Line> lines) {
        return lines.stream().filter(l -> l.line() != null && l.line().dubuCaseId() != null && !l.line().dubuCaseId().isBlank())
                .map(l -> l.line().dubuCaseId().strip()).collect(Collectors.toSet());
    }

    // ---- the record of imports (V64)

    private static void insert(UUID id, String by, Instant at, boolean dryRun, ImportApi.ImportOutcome outcome, int lines, int valid,
            int invalid, int unchanged) {
        Panache.getEntityManager().createNativeQuery("""
                        insert into imports (id, imported_by, imported_at, dry_run, outcome, lines, valid, invalid, unchanged, finished_at)
                        values (:id, :by, :at, :dry, :outcome, :lines, :valid, :invalid, :unchanged, :finished)""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("id", id).setParameter("by", by).setParameter("at", at).setParameter("dry", dryRun)
                .setParameter("outcome", outcome.name()).setParameter("lines", lines).setParameter("valid", valid)
                .setParameter("invalid", invalid).setParameter("unchanged", unchanged)
                .setParameter("finished", outcome == ImportApi.ImportOutcome.RUNNING ? null : at, Instant.class).executeUpdate();
    }

    private static void saveProblems(UUID id, List<ImportApi.LineProblem> problems) {
        var em = Panache.getEntityManager();
        for (int i = 0; i < problems.size(); i++) {
            ImportApi.LineProblem problem = problems.get(i);
            em.createNativeQuery("insert into import_problem (import_id, seq, line, field, message) values (:id, :seq, :line, :field, :message)")
                    .setParameter("id", id).setParameter("seq", i).setParameter("line", problem.line())
                    .setParameter("field", cut(problem.field(), 300)).setParameter("message", cut(problem.message(), 1000)).executeUpdate();
        }
    }

    private static void saveResults(UUID id, List<ImportApi.LineResult> results, int created, int unchanged) {
        var em = Panache.getEntityManager();
        for (ImportApi.LineResult result : results) {
            em.createNativeQuery("""
                            insert into import_line (import_id, line, dubu_case_id, case_id, outcome)
                            values (:id, :line, :dubu, :case, :outcome)""")
                    .setParameter("id", id).setParameter("line", result.line()).setParameter("dubu", result.dubuCaseId())
                    .setParameter("case", result.caseId()).setParameter("outcome", result.outcome().name()).executeUpdate();
        }
        em.createNativeQuery("update imports set created = created + :created, unchanged = unchanged + :unchanged where id = :id")
                .setParameter("created", created).setParameter("unchanged", unchanged).setParameter("id", id).executeUpdate();
    }

    private static void finish(UUID id, ImportApi.ImportOutcome outcome) {
        Panache.getEntityManager().createNativeQuery("update imports set outcome = :outcome, finished_at = :at where id = :id")
                .setParameter("outcome", outcome.name()).setParameter("at", Instant.now().truncatedTo(ChronoUnit.MICROS))
                .setParameter("id", id).executeUpdate();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** An import's row. */
    record Row(UUID id, Boolean dryRun, String outcome, String importedBy, Instant importedAt, Instant finishedAt, Integer lines,
            Integer valid, Integer invalid, Integer created, Integer unchanged) {

        ImportApi.Summary summary() {
            return new ImportApi.Summary(id, dryRun, ImportApi.ImportOutcome.valueOf(outcome), importedBy, local(importedAt),
                    local(finishedAt), lines, valid, invalid, created, unchanged);
        }
    }

    private static final String COLUMNS = "id, dry_run, outcome, imported_by, imported_at, finished_at, lines, valid, invalid, created, unchanged";

    /** An import's report: its counts, its problems and (a real run) what became of each line; 404 when there is none. */
    @Transactional
    public ImportApi.Report report(UUID id) {
        var em = Panache.getEntityManager();
        Row row = Rows.list(em, "select " + COLUMNS + " from imports where id = :id", Row.class, q -> q.setParameter("id", id)).stream()
                .findFirst().orElseThrow(() -> ProblemException.notFound("Import", id));
        List<ImportApi.LineProblem> problems = Rows.list(em, "select line, field, message from import_problem where import_id = :id order by seq",
                ImportApi.LineProblem.class, q -> q.setParameter("id", id));
        List<ImportApi.LineResult> results = Rows.list(em,
                "select line, dubu_case_id, case_id, outcome from import_line where import_id = :id order by line", ResultRow.class,
                q -> q.setParameter("id", id)).stream().map(ResultRow::result).toList();
        ImportApi.Summary s = row.summary();
        return new ImportApi.Report(s.id(), s.dryRun(), s.outcome(), s.importedBy(), s.importedAt(), s.finishedAt(), s.lines(), s.valid(),
                s.invalid(), s.created(), s.unchanged(), problems, results);
    }

    record ResultRow(Integer line, String dubuCaseId, UUID caseId, String outcome) {

        ImportApi.LineResult result() {
            return new ImportApi.LineResult(line, dubuCaseId, caseId, ImportApi.Outcome.valueOf(outcome));
        }
    }

    /** The imports, newest first. */
    @Transactional
    public Page<ImportApi.Summary> list(PageRequest page) {
        var em = Panache.getEntityManager();
        List<ImportApi.Summary> items = Rows.list(em, "select " + COLUMNS + " from imports order by imported_at desc, id limit :size offset :offset",
                Row.class, q -> q.setParameter("size", page.size).setParameter("offset", page.offset())).stream().map(Row::summary).toList();
        long total = ((Number) em.createNativeQuery("select count(*) from imports").getSingleResult()).longValue();
        return new Page<>(items, page.page, page.size, total);
    }
}
