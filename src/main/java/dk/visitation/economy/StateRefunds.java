package dk.visitation.economy;

import dk.visitation.common.Department;
import dk.visitation.common.IdBatches;
import dk.visitation.common.Rows;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The expected refund from the central scheme for each expensive case: on the municipality's cost of the case in the year
 * (both departments together, from the costs kept per case and year, V40), shared between the departments in proportion
 * to what each paid.
 */
@ApplicationScoped
public class StateRefunds {

    /** A case's cost to the municipality in the year, its expected refund, and each department's cost and share of it. */
    public record CaseRefund(UUID caseId, long costOre, long refundOre, Map<Department, Long> costs, Map<Department, Long> shares) {

        public long shareOf(Department department) {
            return shares.getOrDefault(department, 0L);
        }
    }

    private final RefundSettings settings;

    StateRefunds(RefundSettings settings) {
        this.settings = settings;
        settings.years().forEach((year, t) -> thresholds(year, t)); // a bad year's figures stop the start, not a report
    }

    private static StateRefund.Thresholds thresholds(String year, RefundSettings.Year t) {
        try {
            return new StateRefund.Thresholds(t.lowerThresholdOre(), t.lowerSharePercent(), t.upperThresholdOre(), t.upperSharePercent());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("visitation.refund.years.\"" + year + "\": " + e.getMessage(), e);
        }
    }

    /** The year's thresholds; empty for a year none are configured for. */
    public Optional<StateRefund.Thresholds> thresholds(int year) {
        return Optional.ofNullable(settings.years().get(String.valueOf(year))).map(t -> thresholds(String.valueOf(year), t));
    }

    /** A kept cost of a case in the year for one department. */
    record CostRow(UUID caseId, String department, Long costOre) {
    }

    /** The expected refund of each of {@code caseIds} in {@code year} (none without thresholds for the year). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, CaseRefund> ofCases(int year, Collection<UUID> caseIds) {
        Optional<StateRefund.Thresholds> thresholds = thresholds(year);
        Map<UUID, CaseRefund> refunds = new HashMap<>();
        if (thresholds.isEmpty()) {
            return refunds;
        }
        Map<UUID, Map<Department, Long>> costs = new HashMap<>();
        for (List<UUID> batch : IdBatches.of(caseIds)) {
            Rows.list(Panache.getEntityManager(), "select case_id, department, cost_ore from case_year_cost where year = :year and case_id in (:ids)",
                            CostRow.class, q -> q.setParameter("year", year).setParameter("ids", batch))
                    .forEach(r -> costs.computeIfAbsent(r.caseId(), k -> new EnumMap<>(Department.class))
                            .put(Department.valueOf(r.department()), r.costOre()));
        }
        costs.forEach((caseId, byDepartment) -> {
            long cost = byDepartment.values().stream().mapToLong(Long::longValue).sum();
            long refund = StateRefund.refund(cost, thresholds.get());
            refunds.put(caseId, new CaseRefund(caseId, cost, refund, byDepartment, StateRefund.shared(refund, byDepartment)));
        });
        return refunds;
    }

    /**
     * The cases {@code department} paid for in {@code year} that earn a refund, with its share. Found through the kept
     * annualised cost: a case costing the municipality C over at most 366 days costs one of its departments at least
     * C × 365/366 a year annualised, so the lower threshold's floor finds every one (the expensive-case index when ≥ 1 m kr).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CaseRefund> expected(int year, Department department) {
        Optional<StateRefund.Thresholds> thresholds = thresholds(year);
        if (thresholds.isEmpty()) {
            return List.of();
        }
        long floor = thresholds.get().lowerOre() * 365 / 366;
        String index = floor >= 100_000_000L ? " and annual_ore >= 100000000" : "";
        List<UUID> candidates = Panache.getEntityManager().createNativeQuery(
                        "select distinct case_id from case_year_cost where year = :year and annual_ore >= :floor" + index, UUID.class)
                .setParameter("year", year).setParameter("floor", floor).getResultList();
        List<CaseRefund> found = new ArrayList<>();
        ofCases(year, candidates).values().forEach(r -> {
            if (r.refundOre() > 0 && r.costs().containsKey(department)) {
                found.add(r);
            }
        });
        return found;
    }
}
