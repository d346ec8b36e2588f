package dk.visitation.economy;

import dk.visitation.common.Rows;
import dk.visitation.cases.CaseStatus;
import dk.visitation.cases.TargetGroup;
import dk.visitation.common.Department;
import dk.visitation.common.Page;
import dk.visitation.common.PageRequest;
import dk.visitation.security.AccessLog;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Dispositionsregnskab: what a department is committed to in a year, per case, service type and target group,
 * read from the lines kept current on every change of a grant or a payment period ({@code commitment_line} and
 * {@code case_year_cost}, V40), which are the money rule's figures ({@code visitation_grant_part}, V52).
 */
@ApplicationScoped
public class CommitmentAccounts {

    private final AccessLog accessLog;

    CommitmentAccounts(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    /** A kept line with its case's status and department, from which its target group follows. */
    record LineRow(UUID caseId, String serviceType, String status, String department, Long amountOre, Long awaitingOre) {

        EconomyApi.CommitmentLine line() {
            return new EconomyApi.CommitmentLine(caseId, Grant.ServiceType.valueOf(serviceType),
                    TargetGroup.of(CaseStatus.valueOf(status), Department.valueOf(department)), amountOre, awaitingOre);
        }
    }

    /** The sums of the kept lines of one service type. */
    record ServiceTypeTotal(String serviceType, Long amountOre, Long awaitingOre, Long lines) {
    }

    /** The sums of the kept case costs of one target group. */
    record TargetGroupTotal(String targetGroup, Long costOre, Long cases) {
    }

    /**
     * Every line of the account in one answer (deprecated: 59 MB at 1 M cases; {@link #commitmentTotals} and
     * {@link #commitmentLines} replace it). Grants awaiting approval count (and are shown apart); rejected grants do not.
     */
    @Transactional
    public EconomyApi.CommitmentAccount commitmentAccount(int year, Department department) {
        List<EconomyApi.CommitmentLine> lines = Rows.list(Panache.getEntityManager(), """
                        select l.case_id, l.service_type, c.status, c.department, l.amount_ore, l.awaiting_ore
                        from commitment_line l join child_case c on c.id = l.case_id
                        where l.department = :department and l.year = :year
                        order by l.case_id, l.service_type
                        """, LineRow.class, q -> q.setParameter("year", year).setParameter("department", department.name()))
                .stream().map(LineRow::line).toList();
        accessLog.record(AccessLog.Action.SEARCH, "commitment account", lines.stream().map(EconomyApi.CommitmentLine::caseId).distinct().toList(),
                List.of(), Map.of("year", year, "department", department.name()));
        return EconomyApi.CommitmentAccount.of(year, department, lines);
    }

    /**
     * The commitment account's totals (the whole, awaiting approval, per service type and per target group) without
     * its lines: index-only sums over the kept costs. No child's data, so no access-log row names a case.
     */
    @Transactional
    public EconomyApi.CommitmentTotals commitmentTotals(int year, Department department) {
        var em = Panache.getEntityManager();
        List<ServiceTypeTotal> byType = Rows.list(em, """
                        select service_type, sum(amount_ore) as amount_ore, sum(awaiting_ore) as awaiting_ore, count(*) as lines
                        from commitment_line where department = :department and year = :year group by service_type""",
                ServiceTypeTotal.class, q -> q.setParameter("year", year).setParameter("department", department.name()));
        List<TargetGroupTotal> byGroup = Rows.list(em, """
                        select target_group, sum(cost_ore) as cost_ore, count(*) as cases from case_year_cost
                        where department = :department and year = :year group by target_group""",
                TargetGroupTotal.class, q -> q.setParameter("year", year).setParameter("department", department.name()));
        Map<Grant.ServiceType, Long> serviceTypes = new EnumMap<>(Grant.ServiceType.class);
        long total = 0;
        long awaiting = 0;
        long lines = 0;
        for (ServiceTypeTotal type : byType) {
            serviceTypes.put(Grant.ServiceType.valueOf(type.serviceType()), type.amountOre());
            total += type.amountOre();
            awaiting += type.awaitingOre();
            lines += type.lines();
        }
        Map<TargetGroup, Long> groups = new EnumMap<>(TargetGroup.class);
        long caseCount = 0;
        for (TargetGroupTotal group : byGroup) {
            groups.put(TargetGroup.valueOf(group.targetGroup()), group.costOre());
            caseCount += group.cases();
        }
        accessLog.record(AccessLog.Action.SEARCH, "commitment account totals", List.of(), List.of(),
                Map.of("year", year, "department", department.name()));
        return new EconomyApi.CommitmentTotals(year, department, total, awaiting, serviceTypes, groups, caseCount, lines);
    }

    /** One page of the commitment account's lines, in the account's order (case id, service type): an index walk. */
    @Transactional
    public Page<EconomyApi.CommitmentLine> commitmentLines(int year, Department department, PageRequest page) {
        var em = Panache.getEntityManager();
        List<EconomyApi.CommitmentLine> lines = Rows.list(em, """
                        select l.case_id, l.service_type, c.status, c.department, l.amount_ore, l.awaiting_ore
                        from (select case_id, service_type, amount_ore, awaiting_ore from commitment_line
                              where department = :department and year = :year
                              order by case_id, service_type offset :offset limit :size) l
                        join child_case c on c.id = l.case_id
                        order by l.case_id, l.service_type""", LineRow.class,
                q -> q.setParameter("year", year).setParameter("department", department.name())
                        .setParameter("offset", page.offset()).setParameter("size", page.size))
                .stream().map(LineRow::line).toList();
        long total = Rows.single(em, "select count(*) as lines from commitment_line where department = :department and year = :year",
                LineCount.class, q -> q.setParameter("year", year).setParameter("department", department.name())).lines();
        accessLog.record(AccessLog.Action.SEARCH, "commitment account lines", lines.stream().map(EconomyApi.CommitmentLine::caseId).distinct().toList(),
                List.of(), Map.of("year", year, "department", department.name(), "page", page.page, "size", page.size));
        return new Page<>(lines, page.page, page.size, total);
    }

    /** How many lines the account has. */
    record LineCount(Long lines) {
    }

    /** The cases {@code department} pays for on at least one day of [from, to). */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> payingCases(Department department, LocalDate from, LocalDate to) {
        List<UUID> ids = Panache.getEntityManager().createNativeQuery("""
                        select distinct case_id from payment_period
                        where department = :department and valid_from < :to and (valid_to is null or valid_to > :from)
                        order by case_id""", UUID.class)
                .setParameter("department", department.name()).setParameter("from", from).setParameter("to", to).getResultList();
        accessLog.record(AccessLog.Action.SEARCH, "cases paid for", ids, List.of(),
                Map.of("department", department.name(), "from", from.toString(), "to", to.toString()));
        return ids;
    }
}
