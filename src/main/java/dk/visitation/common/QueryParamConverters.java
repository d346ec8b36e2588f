package dk.visitation.common;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A query parameter that does not convert is bad input (400 naming the parameter), not the 404 that
 * JAX-RS answers by default.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        if (rawType.isEnum()) {
            List<String> allowed = Arrays.stream(rawType.getEnumConstants()).map(Object::toString).toList();
            return converter(name, "must be one of " + allowed, text -> (T) Enum.valueOf((Class) rawType, text));
        }
        if (rawType == OffsetDateTime.class) {
            return converter(name, "must be an ISO-8601 date-time with offset in the years 0001-9999, e.g. 2026-01-01T00:00:00+01:00",
                    text -> {
                        OffsetDateTime at = OffsetDateTime.parse(text);
                        return (T) inYears(at, at.getYear());
                    });
        }
        if (rawType == LocalDate.class) {
            return converter(name, "must be an ISO-8601 date in the years 0001-9999, e.g. 2026-01-31",
                    text -> {
                        LocalDate day = LocalDate.parse(text);
                        return (T) inYears(day, day.getYear());
                    });
        }
        if (rawType == java.time.YearMonth.class) {
            return converter(name, "must be a month YYYY-MM in the years 0001-9999, e.g. 2026-01",
                    text -> {
                        java.time.YearMonth month = java.time.YearMonth.parse(text);
                        return (T) inYears(month, month.getYear());
                    });
        }
        return null;
    }

    /**
     * java.time parses years up to ±999,999,999, which no query can bind (the JDBC timestamp overflows,
     * a 500): four-digit years, as RFC 3339 has them, are what a client may ask for.
     */
    private static <V> V inYears(V value, int year) {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " is out of range");
        }
        return value;
    }

    private static <T> ParamConverter<T> converter(String name, String message, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String text) {
                if (text == null || text.isEmpty()) {
                    return null;
                }
                try {
                    return parse.apply(text);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new WebApplicationException(Problem.of(ProblemType.VALIDATION, name + " " + message, null,
                            List.of(new Problem.FieldError(name, message))).toResponse());
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return null;
    }
}
