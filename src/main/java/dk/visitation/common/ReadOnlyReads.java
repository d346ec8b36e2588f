package dk.visitation.common;

import io.quarkus.hibernate.orm.panache.Panache;
import java.util.function.Supplier;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * Reads of many entities for a figure (the radar, the deadline lists): the entities loaded are read-only and the session
 * does not flush before each query. Without it every batch query dirty-checked all entities loaded before it, so reading
 * 10,000 cases' records took seconds that grew with the square of the cases. Writes made afterwards in the same
 * transaction (the access log) flush as usual: the session's modes are restored before returning.
 */
public final class ReadOnlyReads {

    private ReadOnlyReads() {
    }

    public static <T> T of(Supplier<T> reads) {
        Session session = Panache.getEntityManager().unwrap(Session.class);
        FlushMode flush = session.getHibernateFlushMode();
        boolean readOnly = session.isDefaultReadOnly();
        session.flush(); // what was written before is written now, so the reads see it
        session.setHibernateFlushMode(FlushMode.MANUAL);
        session.setDefaultReadOnly(true);
        try {
            return reads.get();
        } finally {
            session.setDefaultReadOnly(readOnly);
            session.setHibernateFlushMode(flush);
        }
    }
}
