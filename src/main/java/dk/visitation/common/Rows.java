package dk.visitation.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hibernate.query.NativeQuery;

/**
 * The rows of a native query as records, instead of {@code Object[]} read with casts: column i of the select list
 * goes to the record's component i, converted to the component's type. What the driver returns for a column
 * depends on its SQL type and Hibernate's settings (a {@code timestamptz} may come back as an {@link Instant}, an
 * {@link OffsetDateTime} or a {@link Timestamp}; a {@code bigint} count as a {@link Long} or a {@code BigInteger});
 * the conversions live here once. An enum component reads the column's text by name.
 *
 * <pre>{@code
 * record Material(String summary, Instant preparedAt) {}
 * List<Material> rows = Rows.list(em.createNativeQuery("select summary, prepared_at from ..."), Material.class);
 * }</pre>
 */
public final class Rows {

    private Rows() {
    }

    /** Every row of the query as an {@code R}. */
    public static <R extends Record> List<R> list(Query query, Class<R> type) {
        Constructor<R> constructor = canonical(type);
        return ((List<?>) query.getResultList()).stream().map(row -> of(constructor, row)).toList();
    }

    /** The first row of the query as an {@code R}, if there is one (the query should limit itself to one). */
    public static <R extends Record> Optional<R> first(Query query, Class<R> type) {
        return list(query, type).stream().findFirst();
    }

    /** One row (an {@code Object[]}, or the bare value of a one-column query) as an {@code R}. */
    public static <R extends Record> R as(Object row, Class<R> type) {
        return of(canonical(type), row);
    }

    /** A timestamp column's value as an instant, whichever type the driver chose; null stays null. */
    public static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime dateTime -> dateTime.toInstant();
            case ZonedDateTime dateTime -> dateTime.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalArgumentException("Not a timestamp: " + value.getClass().getName());
        };
    }

    /** One column's value as a {@code type}; null stays null (a primitive component must not be null). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> T convert(Object value, Class<T> type) {
        Class<?> boxed = type.isPrimitive() ? box(type) : type;
        if (value == null) {
            if (type.isPrimitive()) {
                throw new IllegalArgumentException("A null column for a " + type.getName());
            }
            return null;
        }
        Object converted;
        if (boxed.isInstance(value)) {
            converted = value;
        } else if (boxed == Instant.class) {
            converted = instant(value);
        } else if (boxed == Long.class && value instanceof Number number) {
            converted = number.longValue();
        } else if (boxed == Integer.class && value instanceof Number number) {
            converted = number.intValue();
        } else if (boxed == Double.class && value instanceof Number number) {
            converted = number.doubleValue();
        } else if (boxed.isEnum() && value instanceof String name) {
            converted = Enum.valueOf((Class<? extends Enum>) boxed, name);
        } else if (boxed == UUID.class && value instanceof String text) {
            converted = UUID.fromString(text);
        } else if (boxed == java.time.LocalDate.class && value instanceof java.sql.Date date) {
            converted = date.toLocalDate();
        } else if (boxed == String.class && value instanceof Character character) {
            converted = character.toString();
        } else {
            throw new IllegalArgumentException("A " + value.getClass().getName() + " column cannot be read as " + type.getName());
        }
        return (T) converted;
    }

    /**
     * The rows of {@code sql}, its parameters set by {@code parameters}, as {@code type}, matched by name: each column is
     * named like a component of the record (snake case: {@code caseId} is {@code case_id}) and read by Hibernate as that
     * component's type (a {@code numeric} sum as {@code Long}, a {@code date} as {@code LocalDate}). For queries whose
     * columns are many or computed, where naming them is clearer than counting them.
     */
    public static <R extends Record> List<R> list(EntityManager em, String sql, Class<R> type, UnaryOperator<NativeQuery<?>> parameters) {
        return named(em, sql, type, parameters).getResultList();
    }

    /** The one row of {@code sql} as {@code type}, matched by name as {@link #list(EntityManager, String, Class, UnaryOperator)}. */
    public static <R extends Record> R single(EntityManager em, String sql, Class<R> type, UnaryOperator<NativeQuery<?>> parameters) {
        return named(em, sql, type, parameters).getSingleResult();
    }

    /** {@code caseId} → {@code case_id}. */
    static String column(String component) {
        return component.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static <R extends Record> NativeQuery<R> named(EntityManager em, String sql, Class<R> type,
            UnaryOperator<NativeQuery<?>> parameters) {
        NativeQuery<?> query = parameters.apply(em.createNativeQuery(sql).unwrap(NativeQuery.class));
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> scalar = component.getType().isPrimitive() ? box(component.getType()) : component.getType();
            query.addScalar(column(component.getName()), scalar);
        }
        Constructor<R> constructor = canonical(type);
        return query.setTupleTransformer((tuple, aliases) -> {
            try {
                return constructor.newInstance(tuple);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot make a " + type.getSimpleName() + " of " + Arrays.toString(tuple), e);
            }
        });
    }

    private static <R extends Record> R of(Constructor<R> constructor, Object row) {
        Object[] columns = row instanceof Object[] array ? array : new Object[] {row};
        Class<?>[] types = constructor.getParameterTypes();
        if (columns.length != types.length) {
            throw new IllegalArgumentException(constructor.getDeclaringClass().getSimpleName() + " has " + types.length
                    + " components, the row " + columns.length + " columns");
        }
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            try {
                arguments[i] = convert(columns[i], types[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(constructor.getDeclaringClass().getSimpleName() + " component " + i + ": "
                        + e.getMessage(), e);
            }
        }
        try {
            return constructor.newInstance(arguments);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private static <R extends Record> Constructor<R> canonical(Class<R> type) {
        Class<?>[] components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(components);
            constructor.setAccessible(true); // the row records are usually private to their feature
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
    }

    private static Class<?> box(Class<?> primitive) {
        return switch (primitive.getName()) {
            case "long" -> Long.class;
            case "int" -> Integer.class;
            case "double" -> Double.class;
            case "boolean" -> Boolean.class;
            default -> throw new IllegalArgumentException("Unsupported primitive " + primitive);
        };
    }
}
