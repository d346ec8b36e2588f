package dk.visitation.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Native-query rows read into records: each column converted to its component's type, whatever the driver chose. */
class RowsTest {

    private record Row(UUID id, Department department, long count, Instant at, String note) {
    }

    private record Single(long count) {
    }

    private static final Instant AT = Instant.parse("2025-03-01T10:15:30.123456Z");
    private static final UUID ID = UUID.fromString("0b7e8f4e-3c1d-4a47-9a7e-5f0c2d9b1a11");

    @Test
    void converts_each_column_to_its_component() {
        Row expected = new Row(ID, Department.CBA, 3, AT, null);
        assertEquals(expected, Rows.as(new Object[] {ID, "CBA", BigInteger.valueOf(3), AT, null}, Row.class));
        assertEquals(expected, Rows.as(new Object[] {ID.toString(), "CBA", 3L, AT.atOffset(ZoneOffset.ofHours(1)), null}, Row.class));
        assertEquals(expected, Rows.as(new Object[] {ID, "CBA", 3, Timestamp.from(AT), null}, Row.class));
    }

    @Test
    void a_one_column_query_returns_the_bare_value() {
        assertEquals(new Single(7), Rows.as(7L, Single.class));
    }

    @Test
    void instants_from_any_timestamp_type() {
        assertEquals(AT, Rows.instant(OffsetDateTime.ofInstant(AT, ZoneOffset.UTC)));
        assertEquals(null, Rows.instant(null));
    }

    @Test
    void a_mismatch_names_the_record_and_component() {
        IllegalArgumentException wrongCount = assertThrows(IllegalArgumentException.class, () -> Rows.as(new Object[] {1L, 2L}, Single.class));
        assertEquals("Single has 1 components, the row 2 columns", wrongCount.getMessage());
        IllegalArgumentException nullPrimitive = assertThrows(IllegalArgumentException.class, () -> Rows.as(new Object[] {null}, Single.class));
        assertEquals("Single component 0: A null column for a long", nullPrimitive.getMessage());
    }
}
