package dk.visitation.forecast;

import dk.visitation.common.Department;
import dk.visitation.common.ETags;
import dk.visitation.common.ProblemException;
import dk.visitation.common.ProblemType;
import dk.visitation.common.Rows;
import dk.visitation.security.Caller;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** The budgets ECONOMY enters per department and year (V69); each change at the version If-Match names. */
@ApplicationScoped
public class Budgets {

    private final Caller caller;

    Budgets(Caller caller) {
        this.caller = caller;
    }

    /** A kept budget row. */
    record Row(String department, Integer year, Long serviceFrameOre, Long outsideServiceFrameOre, String note, String setBy,
            Instant setAt, Long version) {

        ForecastApi.BudgetView view() {
            return new ForecastApi.BudgetView(Department.valueOf(department), year, serviceFrameOre, outsideServiceFrameOre,
                    serviceFrameOre + outsideServiceFrameOre, note, setBy, setAt, version);
        }
    }

    @Transactional
    public Optional<ForecastApi.BudgetView> get(int year, Department department) {
        return Rows.list(Panache.getEntityManager(), """
                        select department, year, service_frame_ore, outside_service_frame_ore, note, set_by, set_at, version
                        from economy_budget where department = :department and year = :year""", Row.class,
                q -> q.setParameter("department", department.name()).setParameter("year", year)).stream().findFirst().map(Row::view);
    }

    @Transactional
    public List<ForecastApi.BudgetView> ofYear(int year) {
        return Rows.list(Panache.getEntityManager(), """
                        select department, year, service_frame_ore, outside_service_frame_ore, note, set_by, set_at, version
                        from economy_budget where year = :year order by department""", Row.class,
                q -> q.setParameter("year", year)).stream().map(Row::view).toList();
    }

    /** The budget set, and whether it was entered for the first time. */
    public record Set(ForecastApi.BudgetView budget, boolean created) {
    }

    /** Enters the budget (no If-Match needed the first time) or replaces it at the version If-Match names. */
    @Transactional
    public Set set(int year, Department department, ForecastApi.BudgetEntry entry, String ifMatch) {
        Optional<ForecastApi.BudgetView> current = get(year, department);
        var em = Panache.getEntityManager();
        String note = entry.note() == null || entry.note().isBlank() ? null : entry.note().strip();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int written;
        if (current.isEmpty()) {
            written = em.createNativeQuery("""
                            insert into economy_budget (department, year, service_frame_ore, outside_service_frame_ore, note, set_by, set_at, version)
                            values (:department, :year, :inside, :outside, :note, :by, :at, 0) on conflict do nothing""")
                    .setParameter("department", department.name()).setParameter("year", year).setParameter("inside", entry.serviceFrameOre())
                    .setParameter("outside", entry.outsideServiceFrameOre()).setParameter("note", note).setParameter("by", caller.user())
                    .setParameter("at", now).executeUpdate();
        } else {
            ETags.requireCurrent(ifMatch, current.get().version());
            written = em.createNativeQuery("""
                            update economy_budget set service_frame_ore = :inside, outside_service_frame_ore = :outside, note = :note,
                                   set_by = :by, set_at = :at, version = version + 1
                            where department = :department and year = :year and version = :version""")
                    .setParameter("department", department.name()).setParameter("year", year).setParameter("inside", entry.serviceFrameOre())
                    .setParameter("outside", entry.outsideServiceFrameOre()).setParameter("note", note).setParameter("by", caller.user())
                    .setParameter("at", now).setParameter("version", current.get().version()).executeUpdate();
        }
        if (written != 1) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The budget was set by someone else meanwhile; read it again");
        }
        return new Set(get(year, department).orElseThrow(), current.isEmpty());
    }
}
