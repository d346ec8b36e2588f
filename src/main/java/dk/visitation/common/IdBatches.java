package dk.visitation.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Ids cut into lists of at most {@link #SIZE} for an {@code in (...)} query: PostgreSQL takes at most 65,535 parameters
 * in one statement, and a report over every case would send more.
 */
public final class IdBatches {

    public static final int SIZE = 1000;

    private IdBatches() {
    }

    public static <T> List<List<T>> of(Collection<T> ids) {
        List<T> all = List.copyOf(ids);
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < all.size(); i += SIZE) {
            batches.add(all.subList(i, Math.min(all.size(), i + SIZE)));
        }
        return batches;
    }
}
