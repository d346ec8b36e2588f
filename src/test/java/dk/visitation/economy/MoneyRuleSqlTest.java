package dk.visitation.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.visitation.common.Department;
import dk.visitation.runtime.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The money rule has one definition in SQL, {@code visitation_grant_part} (V52), which every query that sums money
 * calls; {@link Cost} is the same rule in Java (the approval amount, {@link Commitments}). These properties run the
 * Java rule's generated cases against the function as migrated, in an embedded PostgreSQL of its own, so the two
 * cannot drift: any part of any grant, and a grant split at payment switches, cost the same øre in both.
 */
class MoneyRuleSqlTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    private static Path dataDir;
    private static EmbeddedPostgres postgres;
    private static Connection db;
    private static PreparedStatement part;

    @BeforeContainer
    static void migrate() throws IOException, SQLException {
        dataDir = Files.createTempDirectory("visitation-money-rule-pg");
        postgres = EmbeddedDatabase.start(dataDir);
        db = postgres.getPostgresDatabase().getConnection();
        migrations(db);
        part = db.prepareStatement("select visitation_grant_part(?, ?, ?, ?, ?, ?, ?)");
    }

    /**
     * The service's migrations in version order, as Flyway runs them at start (the Flyway of the service comes with
     * its PostgreSQL support only inside Quarkus): the function under test is the one migrated, not a copy.
     */
    private static void migrations(Connection db) throws IOException, SQLException {
        Path folder = Path.of("src/main/resources/db/migration");
        List<Path> files;
        try (var paths = Files.list(folder)) {
            files = paths.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                    .toList();
        }
        try (Statement statement = db.createStatement()) {
            for (Path file : files) {
                statement.execute(Files.readString(file));
            }
        }
    }

    @AfterContainer
    static void stop() throws IOException, SQLException {
        if (db != null) {
            db.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (dataDir != null) {
            try (var paths = Files.walk(dataDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** The function's answer for the part [from, to) of {@code grant}. */
    private static long sqlPart(Commitments.Terms grant, LocalDate from, LocalDate to) throws SQLException {
        part.setLong(1, grant.priceOre());
        part.setBigDecimal(2, grant.scope());
        part.setString(3, grant.tariff().name());
        part.setDate(4, Date.valueOf(grant.start()));
        part.setDate(5, Date.valueOf(grant.end()));
        part.setDate(6, Date.valueOf(from));
        part.setDate(7, Date.valueOf(to));
        try (ResultSet row = part.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    @Property(tries = 2000)
    void any_part_of_a_grant_costs_in_sql_what_it_costs_in_java(@ForAll("grants") Commitments.Terms grant,
            @ForAll("offsets") int fromDay, @ForAll("offsets") int length) throws SQLException {
        LocalDate from = grant.start().plusDays(fromDay);
        LocalDate to = from.plusDays(length);
        long java = Cost.part(grant.priceOre(), grant.scope(), grant.tariff(), grant.start(), grant.end(), from, to);
        assertEquals(java, sqlPart(grant, from, to), () -> grant + " [" + from + ", " + to + ")");
    }

    @Property(tries = 500)
    void a_grant_split_at_payment_switches_costs_each_department_the_same_in_sql_and_java(
            @ForAll("grants") Commitments.Terms grant, @ForAll("switches") List<CommitmentSplitTest.Switch> switches) throws SQLException {
        PaymentPeriods payers = PaymentPeriods.starting(grant.start().minusDays(30), Department.MYN);
        for (CommitmentSplitTest.Switch change : switches) {
            payers = payers.switchTo(change.department(), grant.start().plusDays(change.day()));
        }
        LocalDate from = grant.start();
        LocalDate to = grant.end();
        Map<Department, Long> java = Commitments.split(grant, payers, from, to);
        // as the settlement's queries call it: per payment period, clamped to the period asked for
        Map<Department, Long> sql = new java.util.EnumMap<>(Department.class);
        for (PaymentPeriods.Period period : payers.periods()) {
            LocalDate a = period.from().isAfter(from) ? period.from() : from;
            LocalDate b = period.to() == null || period.to().isAfter(to) ? to : period.to();
            if (a.isBefore(b)) {
                long cost = sqlPart(grant, a, b);
                if (cost != 0) {
                    sql.merge(period.department(), cost, Long::sum);
                }
            }
        }
        List<PaymentPeriods.Period> periods = payers.periods();
        assertEquals(java, sql, () -> grant + " paid by " + periods);
    }

    /** CommitmentSplitTest's grants, and the same with scopes of two decimals (the column is numeric(12, 2)). */
    @Provide
    Arbitrary<Commitments.Terms> grants() {
        Arbitrary<Commitments.Terms> decimalScopes = Combinators.combine(
                Arbitraries.longs().between(1, 5_000_000_00L),
                Arbitraries.integers().between(1, 4000).map(hundredths -> BigDecimal.valueOf(hundredths, 2)),
                Arbitraries.of(Cost.TariffPeriod.class),
                Arbitraries.integers().between(0, 365),
                Arbitraries.integers().between(1, 900))
                .as((price, scope, tariff, start, length) -> new Commitments.Terms(price, scope, tariff,
                        JAN_1.plusDays(start), JAN_1.plusDays(start + length)));
        return Arbitraries.oneOf(new CommitmentSplitTest().grants(), decimalScopes);
    }

    /** Days from a grant's start: before it, inside it, after it. */
    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.integers().between(-100, 1000);
    }

    @Provide
    Arbitrary<List<CommitmentSplitTest.Switch>> switches() {
        return new CommitmentSplitTest().switches();
    }
}
