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
                int expensive = 0;
                for (int year : List.of(2019, 2025)) {
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
