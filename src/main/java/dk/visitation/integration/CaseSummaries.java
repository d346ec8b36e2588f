package dk.visitation.integration;

import dk.visitation.cases.CaseAccess;
import dk.visitation.cases.CaseRef;
import dk.visitation.common.Times;
import dk.visitation.deadlines.Deadline;
import dk.visitation.deadlines.DeadlineService;
import dk.visitation.deadlines.DeadlineStatus;
import dk.visitation.economy.Measures;
import dk.visitation.economy.PaymentPeriods;
import dk.visitation.economy.PaymentResponsibility;
import dk.visitation.security.AccessLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The facts of a case other systems need, gathered from the features that own them through their services (cases,
 * economy, deadlines) — never their tables. Scoped like a case read and logged as one READ of the case.
 */
@ApplicationScoped
class CaseSummaries {

    private static final Set<DeadlineStatus> NOT_MET = EnumSet.of(DeadlineStatus.OPEN, DeadlineStatus.DUE_SOON, DeadlineStatus.OVERDUE);
    private static final int NEXT_DEADLINES = 5;

    private final CaseAccess cases;
    private final PaymentResponsibility payments;
    private final Measures measures;
    private final DeadlineService deadlines;

    CaseSummaries(CaseAccess cases, PaymentResponsibility payments, Measures measures, DeadlineService deadlines) {
        this.cases = cases;
        this.payments = payments;
        this.measures = measures;
        this.deadlines = deadlines;
    }

    @Transactional
    public CaseSummaryApi.Summary summary(UUID caseId) {
        CaseRef ref = cases.access(caseId, AccessLog.Action.READ, "case summary");
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, Times.DENMARK);
        PaymentPeriods periods = payments.periodsOf(caseId);
        List<CaseSummaryApi.PlannedPayment> planned = periods.periods().stream().filter(p -> p.from().isAfter(today))
                .map(p -> new CaseSummaryApi.PlannedPayment(p.from(), p.department())).toList();
        List<CaseSummaryApi.RunningGrant> grants = measures.runningOn(caseId, today).stream()
                .map(g -> new CaseSummaryApi.RunningGrant(g.grantId(), g.serviceType(), g.legalBasis(), g.from(), g.to(), g.provider(),
                        g.providerName()))
                .toList();
        List<CaseSummaryApi.NextDeadline> next = deadlines.derive(List.of(caseId)).stream()
                .filter(d -> NOT_MET.contains(d.statusAt(now)))
                .sorted(Comparator.comparing(Deadline::dueAt).thenComparing(Deadline::key))
                .limit(NEXT_DEADLINES)
                .map(d -> new CaseSummaryApi.NextDeadline(d.key(), d.rule().id(), d.rule().legalBasis(), d.rule().title(),
                        Times.local(d.dueAt()), d.statusAt(now).name()))
                .toList();
        return new CaseSummaryApi.Summary(caseId, ref.dubuCaseId(), ref.department(), ref.contributingDepartment(), ref.status(),
                ref.adviser(), today, periods.payer(today).orElse(null), planned, grants, next);
    }
}
