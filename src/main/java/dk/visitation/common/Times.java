package dk.visitation.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Instants are kept in UTC; the API shows them in Danish time, as ARCHITECTURE.md says. */
public final class Times {

    public static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    private Times() {
    }

    /** The instant as a Danish date-time with its offset; null stays null. */
    public static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(DENMARK).toOffsetDateTime();
    }
}
