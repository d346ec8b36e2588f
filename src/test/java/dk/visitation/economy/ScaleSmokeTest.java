package dk.visitation.economy;

import static dk.visitation.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.visitation.cases.CaseStatus;
import dk.visitation.cases.Cpr;
import dk.visitation.cases.TargetGroup;
import dk.visitation.common.Department;
import dk.visitation.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The scale benchmark's generator (bench/scale/generate.sql) in miniature, so neither it nor the queries the
 * benchmark times rot: 1,000 cases and 5,000 grants generated into the test database, then the commitment
 * account and the expensive cases compared with the Java rule (Commitments.split, the old in-service
 * computation) grant by grant, and the case and task pages with the same SQL order. Correctness only; the
 * timings are bench/scale.sh's. The generated rows are removed again (bench_remove).
 */
@QuarkusTest
class ScaleSmokeTest {

    private static final String TAG = "smoke";
    private static final int CASES = 1000;

    @Inject
    DataSource dataSource;

    @Test
    void generated_data_is_consistent_and_the_reports_and_pages_answer_as_the_java_rules_do() throws Exception {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(true);
            try (Statement statement = db.createStatement()) {
                statement.execute(Files.readString(Path.of("bench/scale/generate.sql")));
                statement.execute("call bench_generate(" + CASES + ", " + 5 * CASES + ", " + CASES / 10 + ", '" + TAG + "', false)");
            }
            try {
                generatedRowsAreConsistent(db);
                storedCostsEqualAFreshComputation(db, "after the load");
                changeGrantsAndPaymentsAfterTheLoad(db);
                storedCostsEqualAFreshComputation(db, "after the changes");
                int expensive = 0;
                for (int year : List.of(2019, 2024, 2025)) {
                    for (Department department : Department.values()) {
                        commitmentAccountEqualsTheJavaRule(db, year, department);
                        expensive += expensiveCasesEqualTheJavaRule(db, year, department);
                    }
                }
                assertTrue(expensive > 0, "the data holds expensive cases");
                casePagesFollowTheSqlOrder(db);
                taskListFollowsTheSqlOrder(db);
            } finally {
                try (Statement statement = db.createStatement()) {
                    statement.execute("call bench_remove('" + TAG + "')");
                    statement.execute("drop procedure bench_generate; drop procedure bench_remove");
                }
            }
        }
    }

    private static void generatedRowsAreConsistent(Connection db) throws SQLException {
        String mine = "(select id from child_case where description like 'Scale bench " + TAG + " case %')";
        assertEquals(CASES, count(db, "select count(*) from child_case where id in " + mine));
        assertEquals(5 * CASES, count(db, "select count(*) from grant_award where case_id in " + mine));
        assertEquals(CASES / 10, count(db, "select count(*) from task where status = 'OPEN' and candidate_group = 'MYN' and case_id in " + mine));
        assertEquals(0, count(db, "select count(*) from child_case c where c.id in " + mine
                + " and not exists (select 1 from payment_period p where p.case_id = c.id and p.valid_to is null)"), "every case has a payer");
        assertEquals(count(db, "select count(*) from child_case where received_at < timestamptz '2026-11-20 16:00+01' and id in " + mine),
                count(db, "select count(distinct case_id) from casework_entry where kind = 'CHILD_CONVERSATION_HELD' and case_id in " + mine),
                "every case older than ten days has its casework record (a conversation before the decision at least)");
        assertEquals(0, count(db, "select count(*) from casework_entry e where e.kind = 'FOLLOW_UP' and e.case_id in " + mine
                + " and not exists (select 1 from grant_award g where g.id = e.grant_id and g.case_id = e.case_id)"), "follow-ups are on the case's own grants");
        // CPR numbers: valid (a real birth date before the case), never read into a message
        int invalid = 0;
        try (ResultSet rows = db.createStatement().executeQuery("select k.cpr, c.received_at::date from child k join child_case c on c.child_id = k.id where c.id in " + mine)) {
            while (rows.next()) {
                String cpr = rows.getString(1);
                LocalDate received = rows.getObject(2, LocalDate.class);
                if (Cpr.problem(cpr, received).isPresent() || !Cpr.parse(cpr).birthDate().isBefore(received)) {
                    invalid++;
                }
            }
        }
        assertEquals(0, invalid, "generated CPR numbers that are not valid");
    }

    private static final String MINE = "(select id from child_case where description like 'Scale bench " + TAG + " case %')";

    /**
     * The kept costs (commitment_line, case_year_cost) are what the aggregate computes now from grant_award and
     * payment_period: no row missing, none extra, none different.
     */
    private static void storedCostsEqualAFreshComputation(Connection db, String when) throws SQLException {
        String fresh = """
                select department, year, case_id, service_type::text, sum(amount)::bigint,
                       coalesce(sum(amount) filter (where approval = 'PENDING'), 0)::bigint
                from visitation_cost_parts where case_id in %s
                group by department, year, case_id, service_type having sum(amount) <> 0""".formatted(MINE);
        String stored = "select department, year, case_id, service_type::text, amount_ore, awaiting_ore from commitment_line where case_id in " + MINE;
        assertTrue(count(db, "select count(*) from (" + stored + ") s") > 1000, "the generated data has commitment lines");
        assertEquals(0, count(db, "select count(*) from ((" + fresh + " except all " + stored + ") union all (" + stored
                + " except all " + fresh + ")) d"), when + ": commitment lines differing from a fresh computation");
        String freshCases = "select department, year, case_id, target_group::text, cost_ore::bigint, awaiting_ore::bigint, placement_ore::bigint,"
                + " paid_days, annual_ore from visitation_case_year_costs where case_id in " + MINE;
        String storedCases = "select department, year, case_id, target_group::text, cost_ore, awaiting_ore, placement_ore, paid_days, annual_ore"
                + " from case_year_cost where case_id in " + MINE;
        assertEquals(0, count(db, "select count(*) from ((" + freshCases + " except all " + storedCases + ") union all (" + storedCases
                + " except all " + freshCases + ")) d"), when + ": case costs differing from a fresh computation");
    }

    /**
     * Changes after the load, each through the way the service makes it: a payment switch dated in 2024 on a case
     * whose grant runs into 2025 (across the year), a new grant over new year, a grant whose period and tariff change
     * after creation, a rejected grant, and a case whose status changes its target group.
     */
    private static void changeGrantsAndPaymentsAfterTheLoad(Connection db) throws SQLException {
        String leader = Tokens.of("scale.leader", Set.of("LEADER"), Set.of());
        List<String> across = ids(db, "select g.case_id from grant_award g where g.case_id in " + MINE
                + " and g.valid_from < date '2024-09-01' and g.valid_to > date '2025-03-01' and g.approval <> 'REJECTED'"
                + " and exists (select 1 from payment_period p where p.case_id = g.case_id and p.valid_from <= date '2024-10-01' and p.valid_to is null)"
                + " order by g.case_id limit 1");
        assertEquals(1, across.size(), "a generated grant runs across 2024/2025");
        UUID switched = UUID.fromString(across.getFirst());
        String payer = ids(db, "select department from payment_period where case_id = '" + switched
                + "' and valid_from <= date '2024-10-01' and (valid_to is null or valid_to > date '2024-10-01')").getFirst();
        String other = payer.equals("MYN") ? "CBA" : "MYN";
        as(leader).contentType("application/json").body(Map.of("department", other, "effectiveDate", "2024-10-01", "reason", "Scale smoke"))
                .post("/cases/" + switched + "/payment-responsibility").then().statusCode(200);
        assertEquals(1, count(db, "select count(*) from case_year_cost where case_id = '" + switched + "' and year = 2025 and department = '" + other + "'"),
                "the switch dated in 2024 moved the case's 2025 cost to " + other);

        UUID granted = UUID.fromString(ids(db, "select id from child_case where id in " + MINE + " and status = 'HANDED_OVER' order by id limit 1").getFirst());
        as(leader).contentType("application/json").body(Map.of("serviceType", "PLACEMENT", "provider", "EXTERNAL",
                        "providerName", "Opholdssted Solsikken", "priceOre", 187654321, "tariffPeriod", "YEAR", "scope", 1,
                        "from", "2024-11-15", "to", "2025-05-20"))
                .post("/cases/" + granted + "/grants").then().statusCode(201);

        try (Statement statement = db.createStatement()) {
            String changed = ids(db, "select id from grant_award where case_id in " + MINE
                    + " and valid_from < date '2025-06-01' and valid_to > date '2025-01-01' and approval = 'NOT_REQUIRED' order by id limit 1").getFirst();
            statement.executeUpdate("update grant_award set valid_to = valid_to + 200, price_ore = price_ore * 3, tariff_period = 'MONTH', version = version + 1"
                    + " where id = '" + changed + "'");
            String rejected = ids(db, "select id from grant_award where case_id in " + MINE
                    + " and valid_from < date '2025-06-01' and valid_to > date '2025-01-01' and approval = 'APPROVED' order by id limit 1").getFirst();
            statement.executeUpdate("update grant_award set approval = 'REJECTED', started_on = null, start_recorded_by = null, start_recorded_at = null"
                    + " where id = '" + rejected + "'");
            String regrouped = ids(db, "select c.id from child_case c join case_year_cost k on k.case_id = c.id where c.id in " + MINE
                    + " and c.status = 'STAYS_MYN' and k.year = 2025 order by c.id limit 1").getFirst();
            statement.executeUpdate("update child_case set status = 'DECIDED_CBA' where id = '" + regrouped + "'");
            assertTrue(count(db, "select count(*) from case_year_cost where case_id = '" + regrouped + "' and target_group = 'DISABILITY'") > 0
                    && count(db, "select count(*) from case_year_cost where case_id = '" + regrouped + "' and target_group <> 'DISABILITY'") == 0,
                    "the case's target group follows its status");
        }
    }

    private static String economy() {
        return Tokens.of("scale.economy", Set.of("ECONOMY"), Set.of());
    }

    /** Every grant of the year (not rejected) with its case's periods, through the Java rule. */
    private record Reference(Map<String, long[]> lines, Map<UUID, long[]> perCase, Map<UUID, PaymentPeriods> payers,
            Map<UUID, TargetGroup> groups) {
    }

    private static Reference reference(Connection db, int year, Department department) throws SQLException {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = from.plusYears(1);
        Map<UUID, List<PaymentPeriods.Period>> periods = new HashMap<>();
        try (ResultSet rows = db.createStatement().executeQuery(
                "select case_id, valid_from, valid_to, department from payment_period order by case_id, valid_from")) {
            while (rows.next()) {
                periods.computeIfAbsent(rows.getObject(1, UUID.class), id -> new ArrayList<>()).add(new PaymentPeriods.Period(
                        rows.getObject(2, LocalDate.class), rows.getObject(3, LocalDate.class), Department.valueOf(rows.getString(4))));
            }
        }
        Map<UUID, TargetGroup> groups = new HashMap<>();
        try (ResultSet rows = db.createStatement().executeQuery("select id, status, department from child_case")) {
            while (rows.next()) {
                groups.put(rows.getObject(1, UUID.class), TargetGroup.of(CaseStatus.valueOf(rows.getString(2)), Department.valueOf(rows.getString(3))));
            }
        }
        Map<String, long[]> lines = new TreeMap<>();
        Map<UUID, long[]> perCase = new TreeMap<>();
        Map<UUID, PaymentPeriods> payers = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("""
                select case_id, service_type, approval, price_ore, tariff_period, scope, valid_from, valid_to from grant_award
                where valid_from < ? and valid_to > ? and approval <> 'REJECTED'""")) {
            query.setObject(1, to);
            query.setObject(2, from);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    UUID caseId = rows.getObject(1, UUID.class);
                    PaymentPeriods payer = payers.computeIfAbsent(caseId, id -> PaymentPeriods.of(periods.get(id)));
                    long amount = Commitments.split(new Commitments.Terms(rows.getLong(4), rows.getBigDecimal(6),
                            Cost.TariffPeriod.valueOf(rows.getString(5)), rows.getObject(7, LocalDate.class),
                            rows.getObject(8, LocalDate.class)), payer, from, to).getOrDefault(department, 0L);
                    long[] cost = perCase.computeIfAbsent(caseId, id -> new long[2]);
                    cost[0] += amount;
                    if (rows.getString(2).equals("PLACEMENT")) {
                        cost[1] += amount;
                    }
                    if (amount != 0) {
                        long[] line = lines.computeIfAbsent(caseId + "|" + rows.getString(2), key -> new long[2]);
                        line[0] += amount;
                        line[1] += rows.getString(3).equals("PENDING") ? amount : 0;
                    }
                }
            }
        }
        return new Reference(lines, perCase, payers, groups);
    }

    private static void commitmentAccountEqualsTheJavaRule(Connection db, int year, Department department) throws SQLException {
        Reference expected = reference(db, year, department);
        JsonPath account = as(economy()).queryParam("year", year).queryParam("department", department.name())
                .get("/economy/commitment-account").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> lines = account.getList("lines");
        String what = "commitment account " + year + " " + department;
        assertEquals(expected.lines().size(), lines.size(), what + ": lines");
        List<String> keys = new ArrayList<>(expected.lines().keySet());
        long total = 0;
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> line = lines.get(i);
            String key = line.get("caseId") + "|" + line.get("serviceType");
            assertEquals(keys.get(i), key, what + ": line " + i + " in the order of before");
            long[] amount = expected.lines().get(key);
            assertEquals(amount[0], ((Number) line.get("amountOre")).longValue(), what + ": " + key);
            assertEquals(amount[1], ((Number) line.get("awaitingApprovalOre")).longValue(), what + ": " + key);
            assertEquals(expected.groups().get(UUID.fromString((String) line.get("caseId"))).name(), line.get("targetGroup"), what + ": " + key);
            total += amount[0];
        }
        assertEquals(total, account.getLong("totalOre"), what + ": total");

        // the totals view: the same totals, per service type and per target group, from the kept costs
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> byGroup = new TreeMap<>();
        long awaiting = 0;
        for (Map.Entry<String, long[]> line : expected.lines().entrySet()) {
            String[] key = line.getKey().split("\\|");
            byType.merge(key[1], line.getValue()[0], Long::sum);
            byGroup.merge(expected.groups().get(UUID.fromString(key[0])).name(), line.getValue()[0], Long::sum);
            awaiting += line.getValue()[1];
        }
        JsonPath totals = as(economy()).queryParam("year", year).queryParam("department", department.name())
                .get("/economy/commitment-account/totals").then().statusCode(200).extract().jsonPath();
        assertEquals(total, totals.getLong("totalOre"), what + ": totals view, total");
        assertEquals(awaiting, totals.getLong("awaitingApprovalOre"), what + ": totals view, awaiting approval");
        assertEquals(byType, new TreeMap<>(totals.<String, Number>getMap("byServiceType").entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().longValue()))), what + ": per service type");
        assertEquals(byGroup, new TreeMap<>(totals.<String, Number>getMap("byTargetGroup").entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().longValue()))), what + ": per target group");
        assertEquals(expected.lines().size(), totals.getLong("lines"), what + ": totals view, lines");

        // the lines page by page: together the same lines in the same order, total on every page
        List<Map<String, Object>> paged = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath onePage = as(economy()).queryParam("year", year).queryParam("department", department.name())
                    .queryParam("page", page).queryParam("size", 200).get("/economy/commitment-account/lines")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(expected.lines().size(), onePage.getLong("total"), what + ": lines total, page " + page);
            List<Map<String, Object>> items = onePage.getList("items");
            paged.addAll(items);
            if (items.size() < 200) {
                break;
            }
        }
        assertEquals(lines, paged, what + ": the pages are the account's lines");
    }

    private static int expensiveCasesEqualTheJavaRule(Connection db, int year, Department department) throws SQLException {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = from.plusYears(1);
        Reference expected = reference(db, year, department);
        List<String> cases = new ArrayList<>();
        List<Long> annuals = new ArrayList<>();
        long spend = 0;
        record Expensive(UUID caseId, long annual) {
        }
        List<Expensive> expensive = new ArrayList<>();
        for (Map.Entry<UUID, long[]> cost : expected.perCase().entrySet()) {
            spend += cost.getValue()[1];
            long days = 0;
            for (PaymentPeriods.Period period : expected.payers().get(cost.getKey()).periods()) {
                LocalDate a = period.from().isAfter(from) ? period.from() : from;
                LocalDate b = period.to() == null || period.to().isAfter(to) ? to : period.to();
                if (period.department() == department && a.isBefore(b)) {
                    days += ChronoUnit.DAYS.between(a, b);
                }
            }
            if (days > 0) {
                long annual = BigDecimal.valueOf(cost.getValue()[0]).multiply(BigDecimal.valueOf(365))
                        .divide(BigDecimal.valueOf(days), 0, RoundingMode.HALF_EVEN).longValueExact();
                if (annual >= 1_000_000_00L) {
                    expensive.add(new Expensive(cost.getKey(), annual));
                }
            }
        }
        expensive.sort(java.util.Comparator.comparingLong(Expensive::annual).reversed());
        expensive.forEach(e -> {
            cases.add(e.caseId().toString());
            annuals.add(e.annual());
        });
        JsonPath report = as(economy()).queryParam("year", year).queryParam("department", department.name())
                .get("/economy/expensive-cases").then().statusCode(200).extract().jsonPath();
        String what = "expensive cases " + year + " " + department;
        assertEquals(cases, report.getList("cases.caseId"), what);
        assertEquals(annuals, report.getList("cases.annualOre", Long.class), what);
        assertEquals(spend, report.getLong("placementSpendOre"), what + ": placement spend");
        return cases.size();
    }

    private static void casePagesFollowTheSqlOrder(Connection db) throws SQLException {
        String leader = Tokens.of("scale.leader", Set.of("LEADER"), Set.of());
        JsonPath awaiting = as(leader).queryParam("status", "AWAITING_ASSESSMENT").queryParam("size", 50).get("/cases")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(count(db, "select count(*) from child_case where status = 'AWAITING_ASSESSMENT'"), awaiting.getLong("total"));
        assertTrue(awaiting.getList("items.child.cpr", String.class).stream().allMatch(cpr -> cpr.matches("[0-9]{6}-XXXX")),
                "CPR numbers are masked in lists");
        assertEquals(ids(db, "select id from child_case where department = 'CBA' and status = 'HANDED_OVER'"
                        + " order by received_at desc, id offset 40 limit 20"),
                as(leader).queryParam("department", "CBA").queryParam("status", "HANDED_OVER").queryParam("page", 2).get("/cases")
                        .then().statusCode(200).extract().jsonPath().getList("items.id"));
        assertEquals(ids(db, "select id from child_case where adviser = 'myn.radgiver.042' order by received_at desc, id limit 20"),
                as(leader).queryParam("adviser", "myn.radgiver.042").get("/cases").then().statusCode(200).extract().jsonPath().getList("items.id"));
    }

    private static void taskListFollowsTheSqlOrder(Connection db) throws SQLException {
        String adviser = Tokens.of("myn.radgiver.042", Set.of("MYN_ADVISER"), Set.of("MYN"));
        JsonPath tasks = as(adviser).queryParam("candidateGroup", "MYN").queryParam("size", 200).queryParam("page", 0)
                .get("/tasks").then().statusCode(200).extract().jsonPath();
        assertEquals(count(db, "select count(*) from task where status = 'OPEN' and candidate_group = 'MYN'"), tasks.getLong("total"));
        assertTrue(tasks.getLong("total") >= CASES / 10);
        assertEquals(ids(db, "select id from task where status = 'OPEN' and candidate_group = 'MYN'"
                + " order by due_at asc nulls last, priority desc, created_at, id limit 200"), tasks.getList("items.id"));
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> ids(Connection db, String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet rows = db.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
