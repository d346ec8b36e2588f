package dk.visitation.quality;

import dk.visitation.cases.CaseAccess;
import dk.visitation.common.Department;
import dk.visitation.common.PageRequest;
import dk.visitation.common.ReadOnlyReads;
import dk.visitation.common.Rows;
import dk.visitation.common.Times;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Today's flags per case in table {@code case_quality}, so the radar of today is one aggregate in SQL. Triggers mark a
 * case changed when its casework record or its grants change (V53); {@link #refresh} recomputes the changed cases, and
 * every case computed for an earlier day, from the record with the same derivation as the radar of a past day. The
 * refresh works in batches of its own transactions, each locking its rows ({@code for update skip locked}), so two
 * refreshers (a request and the nightly job, or two replicas) share the work instead of doing it twice, and a record
 * written during a batch waits for it and then marks its case changed again: no change is lost.
 */
@ApplicationScoped
public class QualitySnapshot {

    private static final Logger LOG = Logger.getLogger(QualitySnapshot.class);
    static final int BATCH = 500;

    private final EntityManager em;
    private final CaseAccess cases;
    private final FlagDerivation derivation;

    QualitySnapshot(EntityManager em, CaseAccess cases, FlagDerivation derivation) {
        this.em = em;
        this.cases = cases;
        this.derivation = derivation;
    }

    /** The snapshot holds today's flags only; another day is derived from the record. */
    boolean covers(LocalDate on) {
        return on.equals(LocalDate.now(Times.DENMARK));
    }

    /** Once a day, after midnight: every case for the new day, so the first radar of the morning has nothing to do. */
    @Scheduled(cron = "{visitation.quality.refresh-cron}", timeZone = "Europe/Copenhagen", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        long start = System.nanoTime();
        int refreshed = refresh(LocalDate.now(Times.DENMARK), null, null);
        LOG.infof("Quality snapshot: %d cases refreshed for today in %d ms", refreshed, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Brings the rows of the cases matching the filters up to date for {@code today}; returns how many were computed.
     * Rows another refresher holds are skipped, then waited for at the end, so the caller counts fresh rows only.
     */
    public int refresh(LocalDate today, Department department, String adviser) {
        if (!QuarkusTransaction.requiringNew().call(() -> anyStale(today))) {
            return 0; // the usual case: two index probes, no lock taken
        }
        int total = 0;
        for (boolean wait : new boolean[] {false, true}) {
            for (String stale : STALE) {
                int done;
                do {
                    done = QuarkusTransaction.requiringNew().call(() -> refreshBatch(stale, today, department, adviser, wait));
                    total += done;
                } while (done > 0);
            }
        }
        return total;
    }

    /** One batch's rows in one statement: the computed values of each case joined in as a VALUES list. */
    private static final String BATCH_UPDATE = "update case_quality q set computed_change = q.record_change, computed_on = ?, counted = v.counted, "
            + Arrays.stream(Gap.values()).map(g -> column(g, "relevant") + " = v." + column(g, "relevant") + ", " + column(g, "present")
                    + " = v." + column(g, "present") + ", " + column(g, "why") + " = v." + column(g, "why")).collect(Collectors.joining(", "))
            + " from (values %s) as v(case_id, counted, " + Arrays.stream(Gap.values()).map(g -> column(g, "relevant") + ", "
                    + column(g, "present") + ", " + column(g, "why")).collect(Collectors.joining(", ")) + ") where q.case_id = v.case_id";
    private static final String VALUES_ROW = "(?::uuid, ?::boolean, " + String.join(", ",
            java.util.Collections.nCopies(Gap.values().length, "?::boolean, ?::boolean, ?::text")) + ")";

    /**
     * What makes a row stale, each condition on its own partial index: changed since computed (the stored column of V56, which
     * the planner has statistics for), or computed for an earlier day.
     */
    private static final List<String> STALE = List.of("q.changed", "q.computed_on < :today");

    /**
     * Two index probes. The day is compared in Java against the oldest computed day (the index's first entry): asked as
     * "computed_on < ? limit 1", the driver's prepared statement got PostgreSQL's generic plan after five calls, which
     * guesses a third of the rows match and scans all of them when none does (194 ms at 1 M cases).
     */
    private boolean anyStale(LocalDate today) {
        if (!em.createNativeQuery("select 1 from case_quality q where " + STALE.get(0) + " limit 1").getResultList().isEmpty()) {
            return true;
        }
        LocalDate oldest = Rows.convert(em.createNativeQuery("select min(q.computed_on) from case_quality q").getSingleResult(), LocalDate.class);
        return oldest != null && oldest.isBefore(today);
    }

    private int refreshBatch(String stale, LocalDate today, Department department, String adviser, boolean wait) {
        Map<String, Object> params = new HashMap<>();
        if (stale.contains(":today")) {
            params.put("today", today);
        }
        String sql = "select q.case_id from case_quality q where " + stale + filters(department, adviser, params)
                + " order by q.case_id limit " + BATCH + " for update" + (wait ? "" : " skip locked");
        List<UUID> ids = ((List<?>) bind(em.createNativeQuery(sql), params).getResultList()).stream().map(id -> Rows.convert(id, UUID.class)).toList();
        if (ids.isEmpty()) {
            return 0;
        }
        Map<UUID, FlagDerivation.Derived> derived = ReadOnlyReads.of(() -> derivation.of(ids, today));
        em.clear(); // the records read are done with; the updates below then flush nothing
        em.unwrap(org.hibernate.Session.class).doWork(connection -> { // one statement per batch: one pass of the tally trigger
            try (java.sql.PreparedStatement statement = connection.prepareStatement(BATCH_UPDATE.formatted(
                    String.join(", ", java.util.Collections.nCopies(derived.size(), VALUES_ROW))))) {
                int i = 1;
                statement.setObject(i++, today);
                for (FlagDerivation.Derived d : derived.values()) {
                    statement.setObject(i++, d.caseId());
                    statement.setBoolean(i++, d.counted());
                    for (CaseFlags.Flag flag : d.flags()) {
                        statement.setBoolean(i++, flag.relevant());
                        statement.setBoolean(i++, flag.present());
                        statement.setString(i++, flag.why());
                    }
                }
                statement.executeUpdate();
            }
        });
        return ids.size();
    }

    /**
     * Today's figures over the cases in the caller's scope matching the filters. When the scope is whole departments (a
     * leader, or an adviser asking for their own department) they are sums over the tally (V53); otherwise one count
     * over the rows in scope.
     */
    @Transactional
    RadarApi.Radar figures(Department department, String adviser, LocalDate on) {
        Map<String, Object> params = new HashMap<>();
        String filters = filters(department, adviser, params);
        java.util.Optional<String> scope = cases.nativeScope("q", department, params);
        String sql = scope.isEmpty()
                ? "select coalesce(sum(cases), 0), " + Arrays.stream(Gap.values()).map(g -> "coalesce(sum(" + column(g, "relevant") + "), 0), coalesce(sum("
                        + column(g, "present") + "), 0)").collect(Collectors.joining(", ")) + " from case_quality_tally q where true" + filters
                : "select count(*), " + Arrays.stream(Gap.values()).map(g -> "count(*) filter (where " + column(g, "relevant") + "), count(*) filter (where "
                        + column(g, "relevant") + " and " + column(g, "present") + ")").collect(Collectors.joining(", "))
                        + " from case_quality q where q.counted" + filters + " and " + scope.get();
        Object[] row = (Object[]) bind(em.createNativeQuery(sql), params).getSingleResult();
        List<RadarApi.Figure> figures = new ArrayList<>();
        for (Gap gap : Gap.values()) {
            figures.add(RadarApi.Figure.of(gap, Rows.convert(row[1 + 2 * gap.ordinal()], Long.class),
                    Rows.convert(row[2 + 2 * gap.ordinal()], Long.class)));
        }
        return new RadarApi.Radar(on, department, adviser, Rows.convert(row[0], Long.class), figures);
    }

    record Listed(UUID caseId, Department department, String adviser, boolean relevant, boolean present, String why) {
    }

    /** The cases behind one of today's figures, by case id, one page; the caller logs what is shown. */
    @Transactional(Transactional.TxType.MANDATORY)
    RadarApi.CasePage cases(Department department, String adviser, Gap gap, RadarApi.Which which, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String relevant = column(gap, "relevant");
        String present = column(gap, "present");
        java.util.Optional<String> scope = cases.nativeScope("q", department, params);
        String where = " from case_quality q where q.counted and " + switch (which) {
            case RELEVANT -> relevant;
            case PRESENT -> relevant + " and " + present;
            case MISSING -> relevant + " and not " + present;
        } + filters(department, adviser, params) + scope.map(condition -> " and " + condition).orElse("");
        long total = scope.isPresent()
                ? Rows.convert(bind(em.createNativeQuery("select count(*)" + where), params).getSingleResult(), Long.class)
                : tallied(figures(department, adviser, null).figures().get(gap.ordinal()), which);
        List<Listed> rows = Rows.list(bind(em.createNativeQuery("select q.case_id, q.department, q.adviser, " + relevant + ", " + present
                + ", " + column(gap, "why") + where + " order by q.case_id limit " + page.size + " offset " + page.offset()), params), Listed.class);
        List<RadarApi.CaseFlag> items = rows.stream().map(r -> new RadarApi.CaseFlag(r.caseId(), gap, r.relevant(), r.relevant() && r.present(),
                r.relevant() && !r.present(), r.why(), r.department(), r.adviser())).toList();
        return new RadarApi.CasePage(items, page.page, page.size, total);
    }

    private static long tallied(RadarApi.Figure figure, RadarApi.Which which) {
        return switch (which) {
            case RELEVANT -> figure.relevant();
            case PRESENT -> figure.present();
            case MISSING -> figure.missing();
        };
    }

    private static String filters(Department department, String adviser, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (department != null) {
            where.append(" and q.department = :department");
            params.put("department", department.name());
        }
        if (adviser != null) {
            where.append(" and q.adviser = :adviser");
            params.put("adviser", adviser);
        }
        return where.toString();
    }

    private static Query bind(Query query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }

    /** The column of one of a gap's values: the gap's name in lower case, then relevant, present or why (V53). */
    private static String column(Gap gap, String value) {
        return gap.name().toLowerCase(java.util.Locale.ROOT) + "_" + value;
    }
}
