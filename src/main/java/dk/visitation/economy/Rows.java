package dk.visitation.economy;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.hibernate.query.NativeQuery;

/**
 * Native queries read into records instead of {@code Object[]} and casts: each column is named like a component of
 * the record (snake case: {@code caseId} is {@code case_id}) and read by Hibernate as that component's type (a
 * {@code numeric} sum as {@code Long}, a {@code date} as {@code LocalDate}); each row is the record made by its
 * canonical constructor. Components are of types Hibernate reads as scalars (UUID, String, Long, Integer,
 * Boolean, LocalDate, Instant); domain types (enums) are made from them by the record.
 */
final class Rows {

    private static final Map<Class<?>, Class<?>> WRAPPERS = Map.of(long.class, Long.class, int.class, Integer.class,
            boolean.class, Boolean.class);

    private Rows() {
    }

    /** The rows of {@code sql}, its parameters set by {@code parameters}, as {@code type}. */
    static <R extends Record> List<R> list(EntityManager em, String sql, Class<R> type, UnaryOperator<NativeQuery<?>> parameters) {
        return query(em, sql, type, parameters).getResultList();
    }

    /** The one row of {@code sql} as {@code type}. */
    static <R extends Record> R single(EntityManager em, String sql, Class<R> type, UnaryOperator<NativeQuery<?>> parameters) {
        return query(em, sql, type, parameters).getSingleResult();
    }

    @SuppressWarnings("unchecked")
    private static <R extends Record> NativeQuery<R> query(EntityManager em, String sql, Class<R> type,
            UnaryOperator<NativeQuery<?>> parameters) {
        NativeQuery<?> query = parameters.apply(em.createNativeQuery(sql).unwrap(NativeQuery.class));
        RecordComponent[] components = type.getRecordComponents();
        for (RecordComponent component : components) {
            query.addScalar(column(component.getName()), WRAPPERS.getOrDefault(component.getType(), component.getType()));
        }
        Constructor<R> canonical = canonical(type, components);
        return query.setTupleTransformer((tuple, aliases) -> {
            try {
                return canonical.newInstance(tuple);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot make a " + type.getSimpleName() + " of " + Arrays.toString(tuple), e);
            }
        });
    }

    private static <R extends Record> Constructor<R> canonical(Class<R> type, RecordComponent[] components) {
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " is a record without its canonical constructor", e);
        }
    }

    /** {@code caseId} → {@code case_id}. */
    static String column(String component) {
        return component.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
