package dk.visitation.imports;

import dk.visitation.cases.CaseAdvisers;
import dk.visitation.cases.CaseImports;
import dk.visitation.casework.CaseworkApi;
import dk.visitation.casework.CaseworkKind;
import dk.visitation.casework.CaseworkService;
import dk.visitation.casework.NotifierKind;
import dk.visitation.common.Problem;
import dk.visitation.common.Times;
import dk.visitation.economy.EconomyApi;
import dk.visitation.economy.Grants;
import dk.visitation.security.Caller;
import dk.visitation.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Every check a line must pass before anything of the batch is written: its shape (the bodies' own constraints), and
 * the rules of the features that will write it, asked of them (the adviser register, the grant's period and provider,
 * the casework record's facts), so a dry run answers what the real run would refuse. Each problem names the line and the
 * field as a JSON path within it.
 */
@ApplicationScoped
class ImportValidation {

    /** A placeholder for a FOLLOW_UP's grant while the grant does not exist yet: the facts check asks only that there is one. */
    private static final UUID SOME_GRANT = new UUID(0, 1);

    private final Validator validator;
    private final CaseAdvisers advisers;
    private final Grants grants;
    private final Caller caller;

    ImportValidation(Validator validator, CaseAdvisers advisers, Grants grants, Caller caller) {
        this.validator = validator;
        this.advisers = advisers;
        this.grants = grants;
        this.caller = caller;
    }

    /** The problems of every line, in line order; a line is valid when none names it. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<ImportApi.LineProblem> check(List<ImportBatch.Line> lines) {
        List<ImportApi.LineProblem> problems = new ArrayList<>();
        Map<String, Integer> dubuLines = new HashMap<>();
        Map<String, Optional<Problem.FieldError>> adviserChecks = new HashMap<>();
        for (ImportBatch.Line batchLine : lines) {
            if (batchLine.unreadable() != null) {
                problems.add(batchLine.unreadable());
                continue;
            }
            List<Problem.FieldError> errors = new ArrayList<>();
            ImportApi.ImportLine line = batchLine.line();
            for (ConstraintViolation<ImportApi.ImportLine> violation : validator.validate(line)) {
                errors.add(new Problem.FieldError(path(violation), violation.getMessage()));
            }
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            if (line.dubuCaseId() != null) {
                Integer earlier = dubuLines.putIfAbsent(line.dubuCaseId().strip(), batchLine.number());
                if (earlier != null) {
                    errors.add(new Problem.FieldError("dubuCaseId", "is also the DUBU case id of line " + earlier));
                }
            }
            rules(line, errors, adviserChecks);
            errors.forEach(e -> problems.add(new ImportApi.LineProblem(batchLine.number(), e.field(), e.message())));
        }
        return problems;
    }

    private void rules(ImportApi.ImportLine line, List<Problem.FieldError> errors, Map<String, Optional<Problem.FieldError>> adviserChecks) {
        if (line.status() != null && !CaseImports.IMPORTABLE.contains(line.status())) {
            errors.add(new Problem.FieldError("status", "cannot be imported: one of " + CaseImports.IMPORTABLE
                    + " (a case waiting for its handover is imported once handed over)"));
        }
        if (line.department() != null && !caller.hasRole(Role.SYSTEM) && !caller.departments().contains(line.department())) {
            errors.add(new Problem.FieldError("department", "is not yours: you can import cases only in " + caller.departments()));
        }
        if (line.department() != null && line.adviser() != null) {
            adviserChecks.computeIfAbsent(line.adviser().strip() + "@" + line.department(),
                    key -> advisers.check(line.adviser(), line.department(), "adviser")).ifPresent(errors::add);
        }
        payments(line.paymentResponsibility(), errors);
        LocalDate today = LocalDate.now(Times.DENMARK);
        List<EconomyApi.NewGrant> lineGrants = line.grants() == null ? List.of() : line.grants();
        for (int i = 0; i < lineGrants.size(); i++) {
            EconomyApi.NewGrant grant = lineGrants.get(i);
            if (grant == null || grant.serviceType() == null || grant.from() == null || grant.to() == null) {
                continue; // its shape is already reported
            }
            String prefix = "grants[" + i + "].";
            grants.check(grant).forEach(e -> errors.add(new Problem.FieldError(prefix + e.field(), e.message())));
            if (!grant.to().isAfter(today)) {
                errors.add(new Problem.FieldError(prefix + "to", "has passed: only running grants are imported"));
            }
        }
        workItems(line.workItems(), lineGrants.size(), errors);
    }

    private static void payments(List<ImportApi.PaymentEntry> entries, List<Problem.FieldError> errors) {
        if (entries == null) {
            return;
        }
        if (entries.isEmpty()) {
            errors.add(new Problem.FieldError("paymentResponsibility", "must name at least who pays from the start (or be left out)"));
        }
        for (int i = 1; i < entries.size(); i++) {
            ImportApi.PaymentEntry before = entries.get(i - 1);
            ImportApi.PaymentEntry entry = entries.get(i);
            if (before != null && entry != null && before.from() != null && entry.from() != null && !entry.from().isAfter(before.from())) {
                errors.add(new Problem.FieldError("paymentResponsibility[" + i + "].from", "must be after the entry before it"));
            }
        }
    }

    /**
     * The records in the order they will be written (by when they happened): each one's facts as the casework record
     * checks them, a FOLLOW_UP's grant among the line's, and a record that answers another with one before it.
     */
    private static void workItems(List<ImportApi.WorkItem> items, int grantCount, List<Problem.FieldError> errors) {
        if (items == null) {
            return;
        }
        OffsetDateTime soon = OffsetDateTime.now().plusMinutes(5);
        Map<CaseworkKind, ImportApi.WorkItem> latest = new HashMap<>();
        for (int i : writeOrder(items)) {
            ImportApi.WorkItem item = items.get(i);
            String prefix = "workItems[" + i + "].";
            if (item == null || item.kind() == null || item.occurredAt() == null) {
                continue; // its shape is already reported
            }
            if (item.occurredAt().isAfter(soon)) {
                errors.add(new Problem.FieldError(prefix + "occurredAt", "must not be in the future"));
            }
            CaseworkService.check(entry(item, item.grant() == null ? null : SOME_GRANT))
                    .ifPresent(e -> errors.add(new Problem.FieldError(prefix + (e.field().equals("grantId") ? "grant" : e.field()),
                            e.message().replace("grantId", "grant"))));
            if (item.grant() != null && item.grant() >= grantCount) {
                errors.add(new Problem.FieldError(prefix + "grant", "is not a grant of the line (it has " + grantCount + ")"));
            }
            item.kind().answers().ifPresent(answered -> {
                ImportApi.WorkItem target = latest.get(answered);
                if (target == null) {
                    errors.add(new Problem.FieldError(prefix + "kind", "answers a " + answered + ", and the line has none before it"));
                } else if (item.kind() == CaseworkKind.RECEIPT_SENT && target.notifierKind() != NotifierKind.PROFESSIONAL) {
                    errors.add(new Problem.FieldError(prefix + "kind", "a receipt is sent to a professional notifier only (Barnets Lov § 137)"));
                }
            });
            latest.put(item.kind(), item);
        }
    }

    /** The indexes of the line's work items by when they happened (then as listed): the order they are recorded in. */
    static List<Integer> writeOrder(List<ImportApi.WorkItem> items) {
        return IntStream.range(0, items.size()).boxed()
                .sorted(Comparator.comparing(i -> items.get(i) == null || items.get(i).occurredAt() == null ? null
                        : items.get(i).occurredAt().toInstant(), Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    /** The work item as the casework record takes it, naming its grant. */
    static CaseworkApi.NewEntry entry(ImportApi.WorkItem item, UUID grantId) {
        return new CaseworkApi.NewEntry(item.kind(), item.occurredAt(), item.notifierKind(), item.urgent(), null, grantId, item.reason(),
                item.document());
    }

    /** The violation's property path as a JSON path: {@code grants[0].priceOre}, without the validator's container nodes. */
    private static String path(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().replace(".<list element>", "").replace("<list element>", "");
    }
}
